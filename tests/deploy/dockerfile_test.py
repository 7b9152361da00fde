"""Checks deploy/Dockerfile without a container engine: the runtime stage
installs every shared library the built binaries load (each library mapped to
its Debian package with dpkg -S), has no -dev packages, runs as a non-root
user, copies the rule sets to the directory its --rules_dir names, and exposes
the ports the server listens on by default.

  dockerfile_test.py --server BUILD/server/xxgk-server --cli BUILD/client/xxgk --source REPO
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import unittest

ARGS = None


def dockerfile_stages(path):
    """[(stage name, [(instruction, argument text)])] with continuation lines joined."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"\\\n", " ", text)
    stages = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instr, _, rest = line.partition(" ")
        instr = instr.upper()
        if instr == "FROM":
            m = re.search(r"\bAS\s+(\S+)", rest, re.I)
            stages.append((m.group(1) if m else str(len(stages)), []))
        elif stages:
            stages[-1][1].append((instr, rest.strip()))
    return stages


def apt_packages(instructions):
    pkgs = []
    for instr, rest in instructions:
        if instr != "RUN":
            continue
        for cmd in re.split(r"&&|;", rest):
            words = shlex.split(cmd)
            if "apt-get" in words and "install" in words:
                after = words[words.index("install") + 1:]
                pkgs += [w for w in after if not w.startswith("-")]
    return pkgs


def _aliases(path):
    """The path, its real path, and their /lib <-> /usr/lib aliases (merged /usr)."""
    out = [path, os.path.realpath(path)]
    for c in list(out):
        if c.startswith("/usr/lib/"):
            out.append(c[len("/usr"):])
        elif c.startswith("/lib"):
            out.append("/usr" + c)
    return out


def packages_of(paths):
    """{path: Debian package owning it}, from one `dpkg -S` call."""
    candidates = sorted({a for p in paths for a in _aliases(p)})
    r = subprocess.run(["dpkg", "-S", *candidates], capture_output=True, text=True)
    owner = {}
    for line in r.stdout.splitlines():
        pkgs, _, path = line.partition(": ")
        owner[path.strip()] = pkgs.split(",")[0].split(":")[0].strip()
    result = {}
    for p in paths:
        found = [owner[a] for a in _aliases(p) if a in owner]
        if not found:
            raise AssertionError(f"no Debian package owns {p}")
        result[p] = found[0]
    return result


def dependency_closure(packages):
    """Installed packages apt pulls in with `packages` (Depends and Pre-Depends,
    recursively; a virtual package counts as its installed providers)."""
    r = subprocess.run(["dpkg-query", "-W", "-f=${Package}\t${Depends}, ${Pre-Depends}\t${Provides}\n"],
                       check=True, capture_output=True, text=True)
    depends, providers = {}, {}
    def names(field):
        return [d.strip().split(" ")[0].split(":")[0] for alt in field.split(",")
                for d in alt.split("|") if d.strip()]
    for line in r.stdout.splitlines():
        pkg, deps, provides = (line.split("\t") + ["", ""])[:3]
        depends[pkg] = names(deps)
        for v in names(provides):
            providers.setdefault(v, []).append(pkg)
    seen, todo = set(), list(packages)
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        todo.extend(depends.get(p, []))
        todo.extend(providers.get(p, []))
    return seen


def needed(binary):
    out = subprocess.run(["readelf", "-d", binary], check=True, capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def ldd(binary):
    out = subprocess.run(["ldd", binary], check=True, capture_output=True, text=True).stdout
    libs = {}
    for line in out.splitlines():
        m = re.match(r"\s*(\S+) => (/\S+)", line)
        if m:
            libs[m.group(1)] = m.group(2)
        elif "not found" in line:
            raise AssertionError(f"{binary}: {line.strip()}")
    return libs


class DockerfileTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.path = os.path.join(ARGS.source, "deploy", "Dockerfile")
        cls.stages = dockerfile_stages(cls.path)
        cls.build = cls.stages[0][1]
        cls.runtime = cls.stages[-1][1]
        cls.runtime_pkgs = apt_packages(cls.runtime)
        helpfull = subprocess.run([ARGS.server, "--helpfull"], capture_output=True, text=True, timeout=30)
        cls.help = helpfull.stdout + helpfull.stderr

    def flag_default(self, flag):
        m = re.search(rf"--{flag} \(.*?\);\s+default: ([^;\s]+);", self.help, re.S)
        self.assertIsNotNone(m, f"--{flag} not in xxgk-server --helpfull")
        return m.group(1).strip('"')

    def test_multi_stage_on_debian_12(self):
        self.assertGreaterEqual(len(self.stages), 2)
        with open(self.path, encoding="utf-8") as f:
            text = f.read()
        self.assertRegex(text, r"(?m)^ARG DEBIAN_IMAGE=debian:12(-slim)?$")
        build_pkgs = apt_packages(self.build)
        self.assertTrue(any(p.endswith("-dev") for p in build_pkgs))
        self.assertEqual([p for p in self.runtime_pkgs if p.endswith("-dev")], [])
        self.assertNotIn("build-essential", self.runtime_pkgs)
        copies = [r for i, r in self.runtime if i == "COPY"]
        self.assertTrue(any("--from=build" in c for c in copies), "binaries come from the build stage")

    def test_runtime_packages_cover_every_shared_library(self):
        listed = set(self.runtime_pkgs)
        closure = dependency_closure(listed)
        for binary in (ARGS.server, ARGS.cli):
            libs = ldd(binary)
            self.assertGreater(len(libs), 5)
            direct = set(needed(binary))
            owner = packages_of(list(libs.values()))
            for soname, path in libs.items():
                pkg = owner[path]
                with self.subTest(binary=os.path.basename(binary), lib=soname, package=pkg):
                    if soname in direct:
                        # What the binary links directly is named in the Dockerfile.
                        self.assertIn(pkg, listed)
                    else:
                        self.assertIn(pkg, closure)

    def test_non_root_user(self):
        users = [r for i, r in self.runtime if i == "USER"]
        self.assertTrue(users, "the runtime stage sets USER")
        user = users[-1].split(":")[0]
        self.assertNotIn(user, ("0", "root"))

    def test_paths_and_ports_match_the_server_flags(self):
        entry = [r for i, r in self.runtime if i == "ENTRYPOINT"][-1]
        cmd = [r for i, r in self.runtime if i == "CMD"][-1]
        import json
        argv = json.loads(entry) + json.loads(cmd)
        self.assertEqual(os.path.basename(argv[0]), "xxgk-server")
        flags = dict(a[2:].split("=", 1) for a in argv[1:] if a.startswith("--") and "=" in a)
        for f in flags:
            self.assertRegex(self.help, rf"--{f} ", f"xxgk-server has no flag --{f}")
        # Binaries are copied to where ENTRYPOINT runs them.
        copies = [r for i, r in self.runtime if i == "COPY"]
        binary_copy = [c for c in copies if "--from=build" in c and "xxgk-server" in c]
        self.assertTrue(binary_copy)
        dest = shlex.split(binary_copy[0])[-1]
        self.assertEqual(os.path.join(dest, "xxgk-server"), argv[0])
        # Rule sets land in the directory --rules_dir names.
        rules_copy = [c for c in copies if "rules/sets" in c]
        self.assertEqual(len(rules_copy), 1)
        src, dest = shlex.split(rules_copy[0])[-2:]
        self.assertTrue(os.path.isdir(os.path.join(ARGS.source, src)))
        self.assertEqual(dest.rstrip("/"), flags["rules_dir"])
        # The exposed ports are the ones the server listens on.
        exposed = {int(p.split("/")[0]) for i, r in self.runtime if i == "EXPOSE" for p in r.split()}
        port = int(flags.get("port", self.flag_default("port")))
        metrics = int(flags.get("metrics_port", self.flag_default("metrics_port")))
        self.assertEqual(exposed, {port, metrics})
        self.assertEqual(int(self.flag_default("port")), port)
        self.assertEqual(int(self.flag_default("metrics_port")), metrics)

    def test_build_context_sources_exist(self):
        for i, r in self.build:
            if i == "COPY" and "--from" not in r:
                for src in shlex.split(r)[:-1]:
                    self.assertTrue(os.path.exists(os.path.join(ARGS.source, src)), src)
        # The build stage compiles exactly the two binaries the runtime copies.
        runs = " ".join(r for i, r in self.build if i == "RUN")
        self.assertIn("xxgk-server", runs)
        self.assertRegex(runs, r"ninja .*\bxxgk\b")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--server", required=True)
    p.add_argument("--cli", required=True)
    p.add_argument("--source", required=True)
    ARGS, rest = p.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
