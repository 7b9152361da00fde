#!/usr/bin/python3
"""Hot reload of rule sets in a running xxgk-server, under concurrent load.

A copy of the repository's rule sets is served from a temporary directory.
While a few client threads validate continuously, the test drops a new
provincial set into the directory: results for that province change within
seconds, no request fails, the process is the same one. Then a broken file:
nothing changes but the failure counter (and one log line). Then SIGHUP with
nothing changed: one more successful reload. All waits are bounded.
"""

import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_harness import (  # noqa: E402
    base_parser, run_unittests, wait_for,
    ServerProc, build_report, dynamic_messages, kill_all, metric_sum, scrape, wait_serving)

ARGS = None

PROVINCE = "河北省"
SET_ID = "reload-test-hebei"
RULE_ID = "RT-1"
PROVINCE_SET = f'''# A provincial set written by the reload test.
id: "{SET_ID}"
version: "1"
title: "热加载测试：河北省"
extends: "national-2021"
selector {{ provinces: "{PROVINCE}" }}
rules {{
  id: "{RULE_ID}"
  title: "其他需要报告的事项应说明人大代表建议和政协提案办理情况"
  title_en: "Section 6 reports how deputies' suggestions and CPPCC proposals were handled"
  severity: WARNING
  category: CONTENT_MISSING
  basis {{ citation: "reload test" evidence: UNCONFIRMED }}
  required_mention {{
    section: OTHER_MATTERS
    any_of: "人大代表建议|政协提案"
    what: "人大代表建议和政协提案办理情况"
    what_en: "handling of deputies' suggestions and CPPCC proposals"
  }}
}}
'''


def write_atomically(path, text):
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.rename(tmp, path)


class Load:
    """Client threads validating the same request in a loop."""

    def __init__(self, stub, request, threads=3):
        self.stub, self.request = stub, request
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.errors = []
        self.results = []  # (monotonic time, set ids, rule ids)
        self.threads = [threading.Thread(target=self.run, daemon=True) for _ in range(threads)]

    def run(self):
        while not self.stop.is_set():
            try:
                r = self.stub.Validate(self.request, timeout=30)
                entry = (time.monotonic(), {s.id for s in r.rulesets},
                         {f.rule_id for f in r.findings})
                with self.lock:
                    self.results.append(entry)
            except Exception as e:  # noqa: BLE001 - every failure is recorded
                with self.lock:
                    self.errors.append(repr(e))
            time.sleep(0.01)

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=40)

    def latest(self):
        with self.lock:
            return self.results[-1] if self.results else None

    def count(self):
        with self.lock:
            return len(self.results)


class ReloadTest(unittest.TestCase):

    def test_reload_under_load(self):
        import grpc
        from xxgk.v1 import service_pb2, service_pb2_grpc
        rules = tempfile.mkdtemp(prefix="xxgk-reload-")
        try:
            shutil.copytree(ARGS.rules, rules, dirs_exist_ok=True)
            os.makedirs(os.path.join(rules, "provinces"), exist_ok=True)
            server = ServerProc(ARGS.server, f"--rules_dir={rules}", "--rules_poll_seconds=0.5")
            msgs = dynamic_messages()
            channel = grpc.insecure_channel(server.address())
            wait_serving(channel, msgs)
            stub = service_pb2_grpc.ValidatorStub(channel)
            request = service_pb2.ValidateRequest(
                report=build_report(),
                options=service_pb2.ValidateOptions(province=PROVINCE))

            first = stub.Validate(request, timeout=30)
            self.assertNotIn(SET_ID, {s.id for s in first.rulesets})
            self.assertNotIn(RULE_ID, {f.rule_id for f in first.findings})
            m0 = scrape(server.metrics_port)

            with Load(stub, request) as load:
                wait_for(lambda: load.count() >= 3, 30, "first responses under load", interval=0.1)
                dropped = time.monotonic()
                write_atomically(os.path.join(rules, "provinces", "hebei.textproto"), PROVINCE_SET)
                wait_for(lambda: load.latest() and SET_ID in load.latest()[1], 15,
                           "the new province set to apply")
                print(f"new set applied {time.monotonic() - dropped:.2f}s after the file appeared")
                self.assertIn(RULE_ID, load.latest()[2])
                m1 = scrape(server.metrics_port)
                self.assertEqual(metric_sum(m1, "xxgk_ruleset_reloads_total", result="success") -
                                 metric_sum(m0, "xxgk_ruleset_reloads_total", result="success"), 1)
                self.assertEqual(metric_sum(m1, "xxgk_ruleset_info", ruleset=SET_ID), 1)

                # A broken file: the failure counter moves, nothing else changes.
                write_atomically(os.path.join(rules, "provinces", "zz_broken.textproto"),
                                 'id: "broken"\nrules { id: "X" check_that_does_not_exist {} }\n')
                wait_for(lambda: metric_sum(scrape(server.metrics_port),
                                              "xxgk_ruleset_reloads_total",
                                              result="failure") >= 1, 15, "the failure counter")
                n = load.count()
                wait_for(lambda: load.count() >= n + 5, 30, "responses after the broken file", interval=0.1)
                latest = load.latest()
                self.assertIn(SET_ID, latest[1])
                self.assertIn(RULE_ID, latest[2])
                m2 = scrape(server.metrics_port)
                self.assertEqual(metric_sum(m2, "xxgk_ruleset_reloads_total", result="success"),
                                 metric_sum(m1, "xxgk_ruleset_reloads_total", result="success"))
                self.assertEqual(metric_sum(m2, "xxgk_ruleset_reloads_total", result="failure"), 1)
                self.assertEqual(metric_sum(m2, "xxgk_ruleset_info", ruleset=SET_ID), 1)

            self.assertEqual(load.errors, [], "no request fails during reloads")
            self.assertIsNone(server.proc.poll(), "the server did not restart or exit")
            failure_lines = [l for l in server.output().splitlines()
                             if "rule-set reload failed" in l]
            self.assertEqual(len(failure_lines), 1, failure_lines)
            self.assertIn("zz_broken.textproto", failure_lines[0])

            # Remove the broken file; the watcher reloads once, then SIGHUP
            # with nothing changed reloads once more.
            os.remove(os.path.join(rules, "provinces", "zz_broken.textproto"))
            wait_for(lambda: metric_sum(scrape(server.metrics_port),
                                          "xxgk_ruleset_reloads_total", result="success") == 2,
                       15, "the reload after removing the broken file")
            server.proc.send_signal(signal.SIGHUP)
            wait_for(lambda: metric_sum(scrape(server.metrics_port),
                                          "xxgk_ruleset_reloads_total", result="success") == 3,
                       15, "the SIGHUP reload")
            channel.close()
            server.proc.send_signal(signal.SIGTERM)
            self.assertEqual(server.wait_exit(40), 0)
        finally:
            kill_all()
            shutil.rmtree(rules, ignore_errors=True)


def main():
    p = base_parser()
    p.add_argument("--rules", required=True)
    run_unittests(p)


if __name__ == "__main__":
    main()
