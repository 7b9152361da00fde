"""Helpers shared by the deploy tests: free ports, a real xxgk-server on
loopback, Prometheus text parsing, metric names used in PromQL."""
import os
import re
import socket
import subprocess
import time
import urllib.request


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scrape(metrics_port, timeout=2.0):
    with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=timeout) as r:
        return r.read().decode("utf-8")


def parse_samples(text):
    """[(name, {label: value}, float)] of a Prometheus text exposition."""
    out = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = re.match(r'([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)', line)
        if not m:
            continue
        labels = dict(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', m.group(3) or ""))
        out.append((m.group(1), labels, float(m.group(4))))
    return out


def exported_names(text):
    """Every series and family name a /metrics page shows."""
    names = {n for n, _, _ in parse_samples(text)}
    names |= set(re.findall(r'^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) ', text, re.M))
    return names


def metric_sum(text, name, **match):
    return sum(v for n, labels, v in parse_samples(text)
               if n == name and all(labels.get(k) == want for k, want in match.items()))


KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left",
            "group_right", "offset", "bool", "inf", "nan"}


def promql_metric_names(expr):
    """Metric names an expression selects (functions, keywords, label names
    and Grafana variables are not metric names)."""
    e = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)          # string literals
    e = re.sub(r'\{[^}]*\}', ' ', e)                       # label matchers
    e = re.sub(r'\[[^\]]*\]', ' ', e)                      # range / subquery durations
    e = re.sub(r'\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)', ' ', e)
    e = re.sub(r'\$\{?\w+\}?', ' ', e)                     # Grafana variables
    names = set()
    for m in re.finditer(r'(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\b(\s*\()?', e):
        word, call = m.group(1), m.group(2)
        if call or word.lower() in KEYWORDS:
            continue
        names.add(word)
    return names


class Server:
    """An xxgk-server process on free loopback ports."""

    def __init__(self, binary, rules_dir, extra=(), log_path=None, port=None, metrics_port=None):
        self.port = port or free_port()
        self.metrics_port = metrics_port or free_port()
        args = [binary, "--host=127.0.0.1", f"--port={self.port}",
                f"--metrics_port={self.metrics_port}", f"--rules_dir={rules_dir}", *extra]
        self.log = open(log_path or os.devnull, "ab")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=self.log)

    @property
    def address(self):
        return f"127.0.0.1:{self.port}"

    def wait_ready(self, timeout=60):
        """Until /metrics shows loaded rule sets (health is SERVING by then)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"xxgk-server exited with {self.proc.returncode}")
            try:
                if "xxgk_ruleset_info{" in scrape(self.metrics_port):
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("xxgk-server did not load its rule sets in time")

    def stop(self, sig=None):
        if self.proc.poll() is None:
            if sig is None:
                self.proc.terminate()
            else:
                self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
