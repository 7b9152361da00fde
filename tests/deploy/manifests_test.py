"""Offline checks of deploy/k8s: renders the base and both overlays and checks
the invariants that make the deployment work, the PrometheusRule with
promtool, and that every metric the alerts and the dashboard use is one a
real xxgk-server exports (scraped from a server started here).

  manifests_test.py --server BUILD/server/xxgk-server --cli BUILD/client/xxgk --source REPO
"""
import argparse
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import deploy_util  # noqa: E402
import kustomize_render  # noqa: E402

ARGS = None
OVERLAYS = ["base", "overlays/development", "overlays/production"]
_EXPORTED = None


def k8s_dir(name):
    return os.path.join(ARGS.source, "deploy", "k8s", name)


def by_kind(objects, kind):
    return [o for o in objects if o["kind"] == kind]


def one(objects, kind, name=None):
    found = [o for o in by_kind(objects, kind) if name is None or o["metadata"]["name"] == name]
    assert len(found) == 1, f"expected one {kind} {name or ''}, found {len(found)}"
    return found[0]


def flags_of(container):
    flags = {}
    for a in container.get("command", []) + container.get("args", []):
        if a.startswith("--"):
            k, _, v = a[2:].partition("=")
            flags[k] = v
    return flags


def selects(selector, labels):
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


def exported_metric_names():
    """Names on the /metrics page of a real server after it has answered a
    unary call, a streamed batch and failed one rule-set reload."""
    global _EXPORTED
    if _EXPORTED is not None:
        return _EXPORTED
    with tempfile.TemporaryDirectory() as tmp:
        rules = os.path.join(tmp, "rules")
        shutil.copytree(os.path.join(ARGS.source, "rules", "sets"), rules)
        server = deploy_util.Server(ARGS.server, rules, ["--rules_poll_seconds=0", "--workers=1"],
                                    log_path=os.path.join(tmp, "server.log"))
        try:
            server.wait_ready()
            sample = os.path.join(ARGS.source, "tests", "client", "testdata",
                                  "report_2021_t3_wrong.textproto")
            cli = [ARGS.cli, f"--server={server.address}"]
            subprocess.run(cli + ["rules", "list"], check=True, capture_output=True, timeout=60)
            r = subprocess.run(cli + ["validate", "--output=json", sample, sample],
                               capture_output=True, timeout=60)
            assert r.returncode in (0, 1), r.stderr.decode()
            with open(os.path.join(rules, "zz-broken.textproto"), "w") as f:
                f.write("this is { not a rule set\n")
            server.proc.send_signal(signal.SIGHUP)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                text = deploy_util.scrape(server.metrics_port)
                if deploy_util.metric_sum(text, "xxgk_ruleset_reloads_total", result="failure") >= 1:
                    break
                time.sleep(0.2)
            else:
                raise AssertionError("the broken rule file did not count as a failed reload")
            _EXPORTED = deploy_util.exported_names(text)
        finally:
            server.stop()
    return _EXPORTED


class RenderTest(unittest.TestCase):
    def test_renderer_agrees_with_kubectl_kustomize_when_available(self):
        kubectl = shutil.which("kubectl")
        if kubectl is None:
            # CI has no kubectl; the renderer is then the only rendering, and
            # still every invariant below is checked on its output.
            self.assertTrue(all(os.path.isdir(k8s_dir(o)) for o in OVERLAYS))
            return
        for overlay in OVERLAYS:
            with self.subTest(overlay=overlay):
                out = subprocess.run([kubectl, "kustomize", "--load-restrictor=LoadRestrictionsNone",
                                      k8s_dir(overlay)], check=True, capture_output=True, timeout=120)
                theirs = kustomize_render.canonical(list(yaml.safe_load_all(out.stdout)))
                ours = kustomize_render.canonical(kustomize_render.render(k8s_dir(overlay)))
                self.assertEqual(sorted(theirs), sorted(ours))
                for key in theirs:
                    self.assertEqual(theirs[key], ours[key], key)


class InvariantsTest(unittest.TestCase):
    def for_each_overlay(self, check):
        for overlay in OVERLAYS:
            with self.subTest(overlay=overlay):
                check(overlay, kustomize_render.render(k8s_dir(overlay)))

    def test_ports_probes_services_and_selectors(self):
        def check(overlay, objs):
            dep = one(objs, "Deployment")
            pod = dep["spec"]["template"]
            labels = pod["metadata"]["labels"]
            self.assertTrue(selects(dep["spec"]["selector"]["matchLabels"], labels))
            (c,) = pod["spec"]["containers"]
            flags = flags_of(c)
            ports = {p["name"]: p["containerPort"] for p in c["ports"]}
            self.assertEqual(int(flags["port"]), ports["grpc"])
            self.assertEqual(int(flags["metrics_port"]), ports["metrics"])
            # The kubelet's gRPC probe speaks plaintext: with TLS on the gRPC
            # port, the probes ask the plaintext health-only port.
            if "tls_cert" in flags:
                self.assertIn("health_port", flags, "a TLS server needs --health_port for probes")
                self.assertEqual(int(flags["health_port"]), ports["health"])
            probe_port = int(flags["health_port"]) if "health_port" in flags else ports["grpc"]
            for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
                self.assertIn("grpc", c[probe], f"{probe} must be a native gRPC probe")
                self.assertEqual(ports.get(c[probe]["grpc"]["port"], c[probe]["grpc"]["port"]),
                                 probe_port, probe)
            for probe in ("startupProbe", "readinessProbe"):  # SERVING once rules are compiled
                self.assertEqual(c[probe]["grpc"].get("service"), "xxgk.v1.Validator", probe)
            services = by_kind(objs, "Service")
            self.assertEqual(len(services), 2)
            for svc in services:
                self.assertTrue(selects(svc["spec"]["selector"], labels), svc["metadata"]["name"])
                for sp in svc["spec"]["ports"]:
                    target = sp.get("targetPort", sp["port"])
                    self.assertIn(target, list(ports) + list(ports.values()))
                    resolved = ports.get(target, target)
                    self.assertIn(resolved, ports.values())
                    self.assertEqual(sp["port"], resolved)
            headless = [s for s in services if s["spec"].get("clusterIP") == "None"]
            self.assertEqual(len(headless), 1, "one headless Service for client-side round_robin")
            self.assertIn(ports["grpc"], [p.get("targetPort") if isinstance(p.get("targetPort"), int)
                                          else ports[p["targetPort"]] for p in headless[0]["spec"]["ports"]])
            cluster_ip = [s for s in services if s["spec"].get("clusterIP") != "None"]
            self.assertEqual(len(cluster_ip), 1)
            self.assertEqual(cluster_ip[0]["spec"].get("type", "ClusterIP"), "ClusterIP")
            # The ServiceMonitor scrapes exactly one Service, on its metrics port.
            sm = one(objs, "ServiceMonitor")
            scraped = [s for s in services if selects(sm["spec"]["selector"]["matchLabels"],
                                                      s["metadata"].get("labels", {}))]
            self.assertEqual(len(scraped), 1, "pods must not be scraped twice")
            (ep,) = sm["spec"]["endpoints"]
            (sp,) = [p for p in scraped[0]["spec"]["ports"] if p["name"] == ep["port"]]
            self.assertEqual(ports.get(sp["targetPort"], sp["targetPort"]), ports["metrics"])
            self.assertEqual(ep.get("path", "/metrics"), "/metrics")
            for t in pod["spec"]["topologySpreadConstraints"]:
                self.assertTrue(selects(t["labelSelector"]["matchLabels"], labels))
        self.for_each_overlay(check)

    def test_shutdown_fits_in_the_grace_period(self):
        def check(overlay, objs):
            pod = one(objs, "Deployment")["spec"]["template"]["spec"]
            (c,) = pod["containers"]
            flags = flags_of(c)
            cmd = c["lifecycle"]["preStop"]["exec"]["command"]
            self.assertEqual(os.path.basename(cmd[0]), "sleep")
            pre_stop = float(cmd[1])
            drain = float(flags.get("drain_timeout_seconds", 25))
            delay = float(flags.get("shutdown_delay_seconds", 0))
            self.assertGreater(pre_stop, 0)
            self.assertLess(pre_stop + delay + drain, pod["terminationGracePeriodSeconds"])
        self.for_each_overlay(check)

    def test_hpa_and_pdb_target_the_deployment(self):
        def check(overlay, objs):
            dep = one(objs, "Deployment")
            labels = dep["spec"]["template"]["metadata"]["labels"]
            hpa = one(objs, "HorizontalPodAutoscaler")
            ref = hpa["spec"]["scaleTargetRef"]
            self.assertEqual((ref["apiVersion"], ref["kind"], ref["name"]),
                             ("apps/v1", "Deployment", dep["metadata"]["name"]))
            cpu = [m for m in hpa["spec"]["metrics"]
                   if m["type"] == "Resource" and m["resource"]["name"] == "cpu"]
            self.assertEqual(len(cpu), 1)
            (c,) = dep["spec"]["template"]["spec"]["containers"]
            self.assertIn("cpu", c["resources"]["requests"], "CPU utilisation needs a CPU request")
            self.assertIn("memory", c["resources"]["limits"])
            self.assertLessEqual(hpa["spec"]["minReplicas"], hpa["spec"]["maxReplicas"])
            pdb = one(objs, "PodDisruptionBudget")
            self.assertTrue(selects(pdb["spec"]["selector"]["matchLabels"], labels))
            if "minAvailable" in pdb["spec"]:
                # Never a budget that blocks every voluntary eviction.
                self.assertLess(pdb["spec"]["minAvailable"], hpa["spec"]["minReplicas"])
        self.for_each_overlay(check)

    def test_security_context(self):
        def check(overlay, objs):
            pod = one(objs, "Deployment")["spec"]["template"]["spec"]
            self.assertTrue(pod["securityContext"]["runAsNonRoot"])
            self.assertNotEqual(pod["securityContext"].get("runAsUser"), 0)
            (c,) = pod["containers"]
            sc = c["securityContext"]
            self.assertTrue(sc["readOnlyRootFilesystem"])
            self.assertFalse(sc["allowPrivilegeEscalation"])
            self.assertEqual(sc["capabilities"]["drop"], ["ALL"])
            self.assertNotIn("add", sc["capabilities"])
            # Writable places are volumes only.
            mounts = {m["mountPath"]: m for m in c["volumeMounts"]}
            self.assertIn("/tmp", mounts)
        self.for_each_overlay(check)

    def test_rule_sets_are_mounted_at_rules_dir_and_load(self):
        def check(overlay, objs):
            pod = one(objs, "Deployment")["spec"]["template"]["spec"]
            (c,) = pod["containers"]
            rules_dir = flags_of(c)["rules_dir"]
            mounts = [m for m in c["volumeMounts"] if m["mountPath"] == rules_dir]
            self.assertEqual(len(mounts), 1, f"one volume mounted at --rules_dir={rules_dir}")
            mount = mounts[0]
            self.assertNotIn("subPath", mount, "subPath mounts never see ConfigMap updates")
            (vol,) = [v for v in pod["volumes"] if v["name"] == mount["name"]]
            cm = one(objs, "ConfigMap", vol["configMap"]["name"])
            # Every rule-set file of the repository, once, unchanged.
            repo = {}
            sets = os.path.join(ARGS.source, "rules", "sets")
            for root, _, files in os.walk(sets):
                for f in files:
                    if f.endswith(".textproto"):
                        with open(os.path.join(root, f), encoding="utf-8") as fh:
                            repo[os.path.relpath(os.path.join(root, f), sets)] = fh.read()
            self.assertEqual(sorted(cm["data"].values()), sorted(repo.values()))
            self.assertTrue(all(k.endswith(".textproto") and not k.startswith(".") for k in cm["data"]))
            with tempfile.TemporaryDirectory() as tmp:
                for k, v in cm["data"].items():
                    with open(os.path.join(tmp, k), "w", encoding="utf-8") as fh:
                        fh.write(v)
                r = subprocess.run([ARGS.cli, "rules", "check", tmp], capture_output=True, timeout=120)
                self.assertEqual(r.returncode, 0, r.stdout.decode() + r.stderr.decode())
        self.for_each_overlay(check)

    def test_production_serves_tls_from_the_mounted_secret(self):
        objs = kustomize_render.render(k8s_dir("overlays/production"))
        pod = one(objs, "Deployment")["spec"]["template"]["spec"]
        (c,) = pod["containers"]
        flags = flags_of(c)
        secret_mounts = {m["mountPath"]: m for m in c["volumeMounts"]
                         for v in pod["volumes"] if v["name"] == m["name"] and "secret" in v}
        for flag in ("tls_cert", "tls_key", "tls_ca"):
            self.assertIn(flag, flags)
            self.assertIn(os.path.dirname(flags[flag]), secret_mounts)
        self.assertGreaterEqual(one(objs, "HorizontalPodAutoscaler")["spec"]["minReplicas"], 3)
        dev = kustomize_render.render(k8s_dir("overlays/development"))
        self.assertNotIn("tls_cert", flags_of(one(dev, "Deployment")["spec"]["template"]["spec"]
                                              ["containers"][0]))

    def test_server_accepts_the_deployment_flags(self):
        helpfull = subprocess.run([ARGS.server, "--helpfull"], capture_output=True, timeout=30)
        known = helpfull.stdout.decode() + helpfull.stderr.decode()
        def check(overlay, objs):
            (c,) = one(objs, "Deployment")["spec"]["template"]["spec"]["containers"]
            for flag in flags_of(c):
                self.assertIn(f"-{flag} ", known.replace("=", " "), f"unknown server flag --{flag}")
        self.for_each_overlay(check)


class MonitoringTest(unittest.TestCase):
    def rule_groups(self):
        objs = kustomize_render.render(k8s_dir("base"))
        return one(objs, "PrometheusRule")["spec"]["groups"]

    def test_promtool_accepts_the_rules(self):
        promtool = shutil.which("promtool")
        self.assertIsNotNone(promtool, "promtool (Debian package prometheus) is needed")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "xxgk.rules.yml")
            with open(path, "w") as f:
                yaml.safe_dump({"groups": self.rule_groups()}, f)
            r = subprocess.run([promtool, "check", "rules", path], capture_output=True, timeout=60)
            self.assertEqual(r.returncode, 0, r.stdout.decode() + r.stderr.decode())

    def test_the_required_alerts_exist(self):
        alerts = {r["alert"]: r for g in self.rule_groups() for r in g["rules"] if "alert" in r}
        exprs = " ".join(a["expr"] for a in alerts.values())
        self.assertIn("grpc_server_handled_total", exprs)            # error ratio
        self.assertIn("histogram_quantile(0.99", exprs)              # p99 latency
        self.assertIn('result="failure"', exprs)                     # reload failures
        self.assertIn("XxgkNoReadyReplicas", alerts)
        for name, a in alerts.items():
            self.assertIn("severity", a["labels"], name)
            self.assertIn("summary", a["annotations"], name)

    def test_alerts_and_dashboard_use_only_exported_metrics(self):
        exported = exported_metric_names()
        recorded = {r["record"] for g in self.rule_groups() for r in g["rules"] if "record" in r}
        used = {}
        for g in self.rule_groups():
            for r in g["rules"]:
                for n in deploy_util.promql_metric_names(r["expr"]):
                    used.setdefault(n, f"rule {r.get('alert') or r.get('record')}")
        objs = kustomize_render.render(k8s_dir("base"))
        dashboards = [cm for cm in by_kind(objs, "ConfigMap")
                      if cm["metadata"].get("labels", {}).get("grafana_dashboard")]
        self.assertEqual(len(dashboards), 1)
        (text,) = dashboards[0]["data"].values()
        dash = json.loads(text)
        targets = [t for p in dash["panels"] for t in p.get("targets", [])]
        self.assertGreaterEqual(len(targets), 8)
        for t in targets:
            for n in deploy_util.promql_metric_names(t["expr"]):
                used.setdefault(n, f"panel target {t['expr'][:60]}")
        for v in dash["templating"]["list"]:
            q = v.get("query")
            if isinstance(q, dict) and "label_values(" in q.get("query", ""):
                first = q["query"].split("label_values(", 1)[1].split(",", 1)[0]
                for n in deploy_util.promql_metric_names(first):
                    used.setdefault(n, f"variable {v['name']}")
        self.assertIn("xxgk_documents_total", used)
        unknown = {n: where for n, where in used.items() if n not in exported and n not in recorded}
        self.assertEqual(unknown, {}, "metrics the server does not export")

    def test_promql_name_extraction(self):
        names = deploy_util.promql_metric_names(
            'histogram_quantile(0.99, sum by (le, grpc_method) (rate(a_seconds_bucket{x="y|z"}[5m])))'
            ' / on (pod) group_left(version) b_info and ignoring(le) c_total offset 5m'
            ' > bool 2 unless absent(d{job="$job"}[$__rate_interval])')
        self.assertEqual(names, {"a_seconds_bucket", "b_info", "c_total", "d"})


class YamllintTest(unittest.TestCase):
    def test_yamllint_is_clean(self):
        yamllint = shutil.which("yamllint")
        self.assertIsNotNone(yamllint, "yamllint (Debian package yamllint) is needed")
        deploy = os.path.join(ARGS.source, "deploy")
        r = subprocess.run([yamllint, "--strict", "-c", os.path.join(deploy, ".yamllint"), deploy],
                           capture_output=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stdout.decode() + r.stderr.decode())


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--server", required=True)
    p.add_argument("--cli", required=True)
    p.add_argument("--source", required=True)
    ARGS, rest = p.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
