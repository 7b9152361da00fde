"""A small kustomize renderer for the features deploy/k8s uses.

CI machines (Debian 12) have no kubectl/kustomize package, so the deploy tests
render the overlays themselves. Supported, and nothing else (an unknown
kustomization field is an error, so the renderer cannot silently drift from
what the overlays use):
  resources (files, or directories holding a kustomization), namespace,
  images (name -> newName/newTag), configMapGenerator (files with optional
  key=path, options.disableNameSuffixHash = true, options.labels),
  patches (path: a strategic-merge patch of one object).
Strategic merge follows Kubernetes' patch strategy for the fields used:
maps merge recursively, `null` deletes a key, lists of objects merge by their
merge key (containers/volumes/env by name, volumeMounts by mountPath, ports by
containerPort), other lists are replaced.
"""
import copy
import os

import yaml

SUPPORTED = {"apiVersion", "kind", "resources", "namespace", "images",
             "configMapGenerator", "patches"}
MERGE_KEYS = {
    "containers": "name", "initContainers": "name", "volumes": "name",
    "env": "name", "volumeMounts": "mountPath", "ports": "containerPort",
}
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding",
                  "CustomResourceDefinition", "PersistentVolume", "StorageClass"}


class RenderError(Exception):
    pass


def _load_all(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.safe_load_all(f) if d is not None]


def strategic_merge(base, patch, field=None):
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for k, v in patch.items():
            if v is None:
                out.pop(k, None)
            elif k in out:
                out[k] = strategic_merge(out[k], v, k)
            else:
                out[k] = copy.deepcopy(v)
        return out
    if isinstance(base, list) and isinstance(patch, list) and field in MERGE_KEYS:
        key = MERGE_KEYS[field]
        out = [copy.deepcopy(x) for x in base]
        for item in patch:
            for i, existing in enumerate(out):
                if existing.get(key) == item.get(key):
                    out[i] = strategic_merge(existing, item, None)
                    break
            else:
                out.append(copy.deepcopy(item))
        return out
    return copy.deepcopy(patch)


def _generate_configmap(root, spec):
    extra = set(spec) - {"name", "files", "options"}
    if extra:
        raise RenderError(f"configMapGenerator field(s) not supported: {sorted(extra)}")
    options = spec.get("options", {})
    if options.get("disableNameSuffixHash") is not True:
        raise RenderError("configMapGenerator needs options.disableNameSuffixHash: true")
    data = {}
    for entry in spec.get("files", []):
        key, _, path = entry.partition("=") if "=" in entry else (os.path.basename(entry), "", entry)
        with open(os.path.join(root, path), encoding="utf-8") as f:
            data[key] = f.read()
    meta = {"name": spec["name"]}
    if options.get("labels"):
        meta["labels"] = dict(options["labels"])
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta, "data": data}


def _identity(obj):
    return (obj["kind"], obj["metadata"]["name"])


def render(directory):
    """Renders the kustomization in `directory` into a list of objects."""
    kfile = os.path.join(directory, "kustomization.yaml")
    (k,) = _load_all(kfile)
    unknown = set(k) - SUPPORTED
    if unknown:
        raise RenderError(f"{kfile}: fields not supported by this renderer: {sorted(unknown)}")
    objects = []
    for res in k.get("resources", []):
        path = os.path.normpath(os.path.join(directory, res))
        if os.path.isdir(path):
            objects.extend(render(path))
        else:
            objects.extend(_load_all(path))
    for spec in k.get("configMapGenerator", []):
        objects.append(_generate_configmap(directory, spec))
    for p in k.get("patches", []):
        if set(p) != {"path"}:
            raise RenderError(f"{kfile}: only `patches: - path:` is supported")
        (patch,) = _load_all(os.path.join(directory, p["path"]))
        matches = [i for i, o in enumerate(objects) if _identity(o) == _identity(patch)]
        if len(matches) != 1:
            raise RenderError(f"{p['path']}: patch matches {len(matches)} objects")
        objects[matches[0]] = strategic_merge(objects[matches[0]], patch)
    for img in k.get("images", []):
        for o in objects:
            for c in _pod_containers(o):
                name, _, tag = c.get("image", "").partition(":")
                if name == img["name"]:
                    c["image"] = f"{img.get('newName', name)}:{img.get('newTag', tag)}"
    if "namespace" in k:
        for o in objects:
            if o["kind"] not in CLUSTER_SCOPED:
                o["metadata"]["namespace"] = k["namespace"]
    return objects


def _pod_containers(obj):
    spec = obj.get("spec", {}).get("template", {}).get("spec", {})
    return spec.get("containers", []) + spec.get("initContainers", [])


def canonical(objects):
    """Objects keyed by (kind, namespace, name), with merge-keyed lists sorted,
    for comparing with kubectl kustomize (whose list order differs)."""
    def norm(v, field=None):
        if isinstance(v, dict):
            return {k: norm(x, k) for k, x in v.items()}
        if isinstance(v, list):
            items = [norm(x) for x in v]
            if field in MERGE_KEYS:
                items.sort(key=lambda x: str(x.get(MERGE_KEYS[field])))
            return items
        return v
    return {(o["kind"], o["metadata"].get("namespace", ""), o["metadata"]["name"]): norm(o)
            for o in objects}
