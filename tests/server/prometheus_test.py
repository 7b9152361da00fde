#!/usr/bin/python3
"""A real Prometheus (Debian's `prometheus`) scrapes a real xxgk-server: a
PromQL query over its HTTP API sees grpc_server_handled_total move after
Validate calls, and `promtool check metrics` accepts the /metrics page.
Everything on loopback, every wait bounded, both processes killed on exit.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_harness import (  # noqa: E402
    base_parser, run_unittests, wait_for,
    PROCS, ServerProc, build_report, dynamic_messages, free_port, kill_all, scrape, wait_serving)

ARGS = None


def promql(port, query):
    """The value of a scalar-like PromQL query (sum of the vector), or None."""
    url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(url, timeout=5) as r:
        body = json.load(r)
    if body.get("status") != "success" or not body["data"]["result"]:
        return None
    return sum(float(s["value"][1]) for s in body["data"]["result"])


class PrometheusTest(unittest.TestCase):

    def test_prometheus_scrapes_and_sees_counters_move(self):
        import grpc
        from xxgk.v1 import service_pb2, service_pb2_grpc
        prometheus = shutil.which("prometheus")
        promtool = shutil.which("promtool")
        self.assertIsNotNone(prometheus, "Debian package prometheus is needed")
        self.assertIsNotNone(promtool, "Debian package prometheus is needed")
        work = tempfile.mkdtemp(prefix="xxgk-prom-")
        try:
            server = ServerProc(ARGS.server)
            channel = grpc.insecure_channel(server.address())
            wait_serving(channel, dynamic_messages())
            stub = service_pb2_grpc.ValidatorStub(channel)

            config = os.path.join(work, "prometheus.yml")
            with open(config, "w", encoding="utf-8") as f:
                f.write("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                        "scrape_configs:\n  - job_name: xxgk\n    static_configs:\n"
                        f"      - targets: ['127.0.0.1:{server.metrics_port}']\n")
            prom_port = free_port()
            log = open(os.path.join(work, "prometheus.log"), "wb")
            prom = subprocess.Popen(
                [prometheus, f"--config.file={config}",
                 f"--storage.tsdb.path={os.path.join(work, 'data')}",
                 f"--web.listen-address=127.0.0.1:{prom_port}"],
                stdout=log, stderr=subprocess.STDOUT)
            PROCS.append(prom)

            def ready():
                with urllib.request.urlopen(f"http://127.0.0.1:{prom_port}/-/ready",
                                            timeout=2) as r:
                    return r.status == 200
            wait_for(ready, 60, "Prometheus to be ready")
            wait_for(lambda: promql(prom_port, 'up{job="xxgk"}') == 1, 60,
                     "the first successful scrape")

            query = ('sum(grpc_server_handled_total{job="xxgk",grpc_service="xxgk.v1.Validator",'
                     'grpc_method="Validate",grpc_code="OK"})')
            before = promql(prom_port, query) or 0
            calls = 5
            for _ in range(calls):
                stub.Validate(service_pb2.ValidateRequest(report=build_report()), timeout=30)
            wait_for(lambda: (promql(prom_port, query) or 0) >= before + calls, 60,
                     "Prometheus to see the Validate calls")
            print(f"PromQL {query}: {before} -> {promql(prom_port, query)}")
            self.assertIsNotNone(promql(
                prom_port, 'histogram_quantile(0.99, sum by (le) '
                           '(grpc_server_handling_seconds_bucket{grpc_method="Validate"}))'))
            self.assertEqual(promql(prom_port, 'count(xxgk_ruleset_info{job="xxgk"}) > 0') > 0,
                             True)

            text = scrape(server.metrics_port)
            check = subprocess.run([promtool, "check", "metrics"], input=text.encode("utf-8"),
                                   capture_output=True, timeout=60)
            self.assertEqual(check.returncode, 0,
                             check.stdout.decode() + check.stderr.decode())
            channel.close()
        finally:
            kill_all()
            shutil.rmtree(work, ignore_errors=True)


def main():
    p = base_parser()
    run_unittests(p)


if __name__ == "__main__":
    main()
