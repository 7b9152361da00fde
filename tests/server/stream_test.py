#!/usr/bin/python3
"""Bulk ValidateStream against the real xxgk-server: N small documents (100,000
by default) in one stream; every id is answered exactly once, and the
server's resident memory stays flat after warm-up (the stream window bounds
what the server holds, whatever the client's pace). Prints the RSS samples.
"""

import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_harness import base_parser, run_unittests, ServerProc, dynamic_messages, wait_serving  # noqa: E402

ARGS = None


def rss_kib(pid):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def small_document(i):
    """A short plain-text report; varies per item so nothing can be cached."""
    text = (f"某县第{i % 97 + 1}街道办事处2021年政府信息公开工作年度报告\n"
            "一、总体情况\n2021年，本单位依法做好政府信息公开工作。\n"
            "二、主动公开政府信息情况\n本年度主动公开政府信息" + str(i % 50) + "条。\n"
            "五、存在的主要问题及改进情况\n公开深度不够，将加强培训。\n"
            "六、其他需要报告的事项\n本年度未收取信息处理费。\n")
    return text.encode("utf-8")


class StreamTest(unittest.TestCase):

    def test_bulk_stream_every_id_once_and_flat_memory(self):
        import grpc
        from xxgk.v1 import service_pb2, service_pb2_grpc
        server = ServerProc(ARGS.server, "--stream_window=16", metrics_port=0)
        try:
            channel = grpc.insecure_channel(server.address())
            wait_serving(channel, dynamic_messages())
            stub = service_pb2_grpc.ValidatorStub(channel)
            n = ARGS.items

            def items():
                for i in range(n):
                    yield service_pb2.ValidateStreamRequest(
                        id=str(i),
                        request=service_pb2.ValidateRequest(document=service_pb2.Document(
                            content=small_document(i), file_name="report.txt")),
                        timeout_seconds=60)

            seen = bytearray(n)
            duplicates, errors, answered = 0, 0, 0
            samples = []
            warm = max(n // 5, 1)
            step = max(n // 20, 1)
            start = time.monotonic()
            for r in stub.ValidateStream(items(), timeout=3000):
                i = int(r.id)
                if seen[i]:
                    duplicates += 1
                seen[i] = 1
                answered += 1
                if r.HasField("error"):
                    errors += 1
                if answered % step == 0:
                    samples.append((answered, rss_kib(server.proc.pid)))
            elapsed = time.monotonic() - start
            print(f"{answered} items in {elapsed:.1f}s ({answered / elapsed:.0f}/s); "
                  f"server RSS KiB by items answered: {samples}")
            self.assertEqual(duplicates, 0)
            self.assertEqual(answered, n)
            self.assertEqual(sum(seen), n, "every id answered")
            self.assertEqual(errors, 0)
            after_warmup = [kib for count, kib in samples if count >= warm]
            self.assertTrue(after_warmup)
            growth = max(after_warmup) - after_warmup[0]
            # Flat: later samples within 25% (and at least 16 MiB of allocator
            # slack) of the first one after warm-up.
            self.assertLessEqual(growth, max(after_warmup[0] // 4, 16 * 1024),
                                 f"RSS grew by {growth} KiB after warm-up")
            channel.close()
        finally:
            server.kill()


def main():
    p = base_parser()
    p.add_argument("--items", type=int, default=100000)
    run_unittests(p)


if __name__ == "__main__":
    main()
