#!/usr/bin/python3
"""Service test: starts the real xxgk-server binary on free loopback ports and
calls it from Python (Debian's python3-grpcio, stubs generated at build time).

Checks: health SERVING, Validate on a structured 2021 report with one wrong
cell in table 三 (exactly the ARITHMETIC findings the identities imply, the
same as the in-process CLI when it is built), Parse, ListRuleSets, reflection
lists the services, /metrics counters move, SIGTERM drains (NOT_SERVING, the
in-flight call finishes) and exits 0; a second server on the same port and an
invalid --rules_dir both refuse to start with a clear message.

Every wait is bounded; every server started here is killed on every exit path.
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_harness import (  # noqa: E402
    base_parser, run_unittests, NOT_SERVING, SERVING, ServerProc, build_report, dynamic_messages, field_violations,
    finding_key,
    health_status, metric_sum, reflection_services, scrape, wait_serving)

ARGS = None


def parser():
    p = base_parser()
    p.add_argument("--rules", required=True, help="source rules dir (rules/sets)")
    p.add_argument("--cli", default="")
    p.add_argument("--seeds", default="", help="directory of raw sample reports")
    return p


class ServiceTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        import grpc
        from xxgk.v1 import service_pb2_grpc
        cls.msgs = dynamic_messages()
        cls.server = ServerProc(ARGS.server, "--shutdown_delay_seconds=1.5", "--drain_timeout_seconds=10")
        cls.channel = grpc.insecure_channel(cls.server.address())
        wait_serving(cls.channel, cls.msgs)
        cls.stub = service_pb2_grpc.ValidatorStub(cls.channel)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()
        cls.server.kill()

    def validate(self, report):
        from xxgk.v1 import service_pb2
        return self.stub.Validate(service_pb2.ValidateRequest(report=report), timeout=30)

    def test_1_health_and_reflection(self):
        self.assertEqual(health_status(self.channel, self.msgs, ""), SERVING)
        self.assertEqual(health_status(self.channel, self.msgs, "xxgk.v1.Validator"), SERVING)
        names = reflection_services(self.channel, self.msgs)
        self.assertIn("xxgk.v1.Validator", names)
        self.assertIn("grpc.health.v1.Health", names)

    def test_2_validate_one_wrong_cell(self):
        from google.protobuf import json_format
        from xxgk.v1 import finding_pb2
        before = scrape(self.server.metrics_port)

        clean = self.validate(build_report())
        arith = [f for f in clean.findings if f.category == finding_pb2.ARITHMETIC]
        self.assertEqual(arith, [], "a consistent table 三 raises no ARITHMETIC finding")
        self.assertTrue(clean.rulesets, "the response names the rule sets applied")
        for applied in clean.rulesets:
            self.assertTrue(applied.id and applied.content_hash, applied)

        wrong_key = "t3.result.granted.natural_person"
        bad_report = build_report((wrong_key, 9))
        bad = self.validate(bad_report)
        arith = [f for f in bad.findings if f.category == finding_pb2.ARITHMETIC]
        # 9 instead of 8 breaks the row sum of （一）予以公开 (T3-B) and the
        # column sum of the result rows for 自然人 (T3-C); T3-A still holds.
        self.assertEqual(sorted(f.rule_id for f in arith), ["T3-B", "T3-C"],
                         [json_format.MessageToDict(f) for f in arith])
        for f in arith:
            self.assertIn(wrong_key, list(f.location.cell_keys))
            self.assertEqual(f.severity, finding_pb2.ERROR)
            self.assertTrue(f.arithmetic, "the finding shows the arithmetic")
        server_findings = sorted(finding_key(json_format.MessageToDict(
            f, preserving_proto_field_name=True)) for f in bad.findings)

        if ARGS.cli and os.path.exists(ARGS.cli):
            # Identical in-process (the CLI's default) and through the server.
            with tempfile.TemporaryDirectory() as d:
                path = os.path.join(d, "report.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(json_format.MessageToJson(bad_report, preserving_proto_field_name=True))
                run = subprocess.run([ARGS.cli, "validate", "--output=json", path],
                                     capture_output=True, text=True, timeout=60)
                self.assertIn(run.returncode, (0, 1), run.stderr)
                line = [l for l in run.stdout.splitlines() if l.strip()][0]
                cli = json.loads(line)
                cli_findings = sorted(finding_key(f) for f in cli["findings"])
                self.assertEqual(cli_findings, server_findings)

        after = scrape(self.server.metrics_port)
        moved = (metric_sum(after, "grpc_server_handled_total", grpc_method="Validate",
                            grpc_code="OK") -
                 metric_sum(before, "grpc_server_handled_total", grpc_method="Validate",
                            grpc_code="OK"))
        self.assertEqual(moved, 2)
        self.assertGreaterEqual(metric_sum(after, "xxgk_findings_total", rule_id="T3-B"), 1)
        self.assertGreaterEqual(metric_sum(after, "xxgk_ruleset_info"), 1)
        self.assertGreater(metric_sum(after, "grpc_server_handling_seconds_count",
                                      grpc_method="Validate"), 0)

    def test_3_errors_are_invalid_argument(self):
        import grpc
        from xxgk.v1 import service_pb2
        with self.assertRaises(grpc.RpcError) as e:
            self.stub.Validate(service_pb2.ValidateRequest(), timeout=10)
        self.assertEqual(e.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("report", e.exception.details())
        self.assertEqual(field_violations(e.exception, self.msgs), ["input"])
        with self.assertRaises(grpc.RpcError) as e:
            self.stub.Validate(service_pb2.ValidateRequest(
                document=service_pb2.Document(file_name="empty.txt")), timeout=10)
        self.assertEqual(e.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertEqual(field_violations(e.exception, self.msgs), ["document.content"])
        text = scrape(self.server.metrics_port)
        self.assertGreaterEqual(metric_sum(text, "grpc_server_handled_total",
                                           grpc_method="Validate", grpc_code="InvalidArgument"), 1)

    def test_3b_unknown_methods_share_one_label(self):
        # A caller cannot grow the metrics' label sets: unimplemented methods,
        # even under the served service's name, are all labelled "unknown".
        import grpc
        for name in ("/xxgk.v1.Validator/NoSuchMethod1", "/xxgk.v1.Validator/NoSuchMethod2",
                     "/evil.Service/Anything"):
            with self.assertRaises(grpc.RpcError) as e:
                self.channel.unary_unary(name)(b"", timeout=10)
            self.assertEqual(e.exception.code(), grpc.StatusCode.UNIMPLEMENTED)
        text = scrape(self.server.metrics_port)
        self.assertNotIn("NoSuchMethod", text)
        self.assertNotIn("evil.Service", text)
        self.assertGreaterEqual(metric_sum(text, "grpc_server_started_total",
                                           grpc_service="unknown", grpc_method="unknown"), 3)

    def test_4_parse_and_list(self):
        from xxgk.v1 import service_pb2
        doc = service_pb2.Document(
            content="某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n"
                    .encode("utf-8"), file_name="report.txt")
        parsed = self.stub.Parse(service_pb2.ParseRequest(document=doc), timeout=30)
        self.assertEqual(parsed.report.meta.report_year, 2021)
        listed = self.stub.ListRuleSets(service_pb2.ListRuleSetsRequest(), timeout=10)
        ids = [s.id for s in listed.rulesets]
        self.assertIn("national-2021", ids)
        for s in listed.rulesets:
            self.assertTrue(s.content_hash)
        desc = self.stub.DescribeRule(service_pb2.DescribeRuleRequest(rule_id="T3-A"), timeout=10)
        self.assertEqual(desc.rule.id, "T3-A")

    def test_5_second_server_on_same_port_fails(self):
        second = ServerProc(ARGS.server, port=self.server.port, metrics_port=0)
        rc = second.wait_exit(30)
        out = second.output()
        self.assertNotEqual(rc, 0, out)
        self.assertIn(str(self.server.port), out)
        self.assertIn("--port", out)
        # The first server is unaffected.
        self.assertEqual(health_status(self.channel, self.msgs), SERVING)

    def test_6_metrics_port_taken_fails(self):
        second = ServerProc(ARGS.server, metrics_port=self.server.metrics_port)
        rc = second.wait_exit(30)
        out = second.output()
        self.assertNotEqual(rc, 0, out)
        self.assertIn("--metrics_port", out)

    def test_7_invalid_rules_dir_fails(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "broken.textproto"), "w", encoding="utf-8") as f:
                f.write("id: \"broken\"\nrules { id: \n")
            bad = ServerProc(ARGS.server, f"--rules_dir={d}", metrics_port=0)
            rc = bad.wait_exit(30)
            out = bad.output()
            self.assertNotEqual(rc, 0, out)
            self.assertIn(d, out)
            self.assertIn("broken.textproto", out)
        missing = ServerProc(ARGS.server, "--rules_dir=/nonexistent/xxgk-rules", metrics_port=0)
        rc = missing.wait_exit(30)
        self.assertNotEqual(rc, 0, missing.output())
        self.assertIn("/nonexistent/xxgk-rules", missing.output())

    def test_8_documents_same_as_in_process(self):
        # Raw documents through the server give the CLI's in-process findings.
        from google.protobuf import json_format
        from xxgk.v1 import service_pb2
        if not (ARGS.cli and ARGS.seeds):
            self.fail("--cli and --seeds are needed for this comparison")
        seeds = sorted(os.listdir(ARGS.seeds))
        self.assertTrue(seeds)
        for name in seeds:
            path = os.path.join(ARGS.seeds, name)
            with open(path, "rb") as f:
                doc = service_pb2.Document(content=f.read(), file_name=name)
            r = self.stub.Validate(service_pb2.ValidateRequest(document=doc), timeout=60)
            remote = sorted(finding_key(json_format.MessageToDict(
                f, preserving_proto_field_name=True)) for f in r.findings)
            run = subprocess.run([ARGS.cli, "validate", "--output=json", path],
                                 capture_output=True, text=True, timeout=120)
            self.assertIn(run.returncode, (0, 1), run.stderr)
            cli = json.loads([l for l in run.stdout.splitlines() if l.strip()][0])
            local = sorted(finding_key(f) for f in cli["findings"])
            self.assertEqual(remote, local, name)

    def test_9_sigterm_drains_and_exits_zero(self):
        # Last (unittest runs tests in name order): stops the shared server.
        from xxgk.v1 import service_pb2
        inflight = self.stub.Validate.future(
            service_pb2.ValidateRequest(report=build_report()), timeout=30)
        self.server.proc.send_signal(signal.SIGTERM)
        saw_not_serving = False
        end = time.monotonic() + 1.4
        while time.monotonic() < end and not saw_not_serving:
            try:
                saw_not_serving = health_status(self.channel, self.msgs) == NOT_SERVING
            except Exception:  # noqa: BLE001 - closing is fine too
                break
            time.sleep(0.05)
        self.assertTrue(saw_not_serving, "health reports NOT_SERVING while draining")
        self.assertTrue(inflight.result(timeout=30).rulesets)
        self.assertEqual(self.server.wait_exit(40), 0, self.server.output())
        self.assertIn('"msg":"draining"', self.server.output())


def main():
    run_unittests(parser())


if __name__ == "__main__":
    main()
