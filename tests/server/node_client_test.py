#!/usr/bin/python3
"""A Node.js client (@grpc/grpc-js from npm, installed at test time into the
build tree) calls Validate and ValidateStream on the real xxgk-server; its
findings equal the Python client's for the same document, and every stream
id is answered exactly once. Bounded waits; the server is killed on exit.
"""

import json
import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_harness import base_parser, run_unittests, ServerProc, dynamic_messages, wait_serving  # noqa: E402

ARGS = None
HERE = os.path.dirname(os.path.abspath(__file__))


def ensure_node_modules(prefix):
    if os.path.isdir(os.path.join(prefix, "node_modules", "@grpc", "grpc-js")):
        return
    os.makedirs(prefix, exist_ok=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", prefix,
                    "@grpc/grpc-js@1", "@grpc/proto-loader@0"],
                   check=True, timeout=600, stdout=subprocess.DEVNULL)


class NodeClientTest(unittest.TestCase):

    def test_node_validate_and_stream(self):
        import grpc
        from xxgk.v1 import service_pb2, service_pb2_grpc
        self.assertIsNotNone(shutil.which("node"), "Debian package nodejs is needed")
        ensure_node_modules(ARGS.node_prefix)
        seed = sorted(os.listdir(ARGS.seeds))[0]
        doc_path = os.path.join(ARGS.seeds, seed)
        server = ServerProc(ARGS.server, metrics_port=0)
        try:
            channel = grpc.insecure_channel(server.address())
            wait_serving(channel, dynamic_messages())
            stub = service_pb2_grpc.ValidatorStub(channel)
            with open(doc_path, "rb") as f:
                doc = service_pb2.Document(content=f.read(), file_name=seed)
            py = stub.Validate(service_pb2.ValidateRequest(document=doc), timeout=60)

            env = dict(os.environ, NODE_PATH=os.path.join(ARGS.node_prefix, "node_modules"))
            run = subprocess.run(["node", os.path.join(HERE, "node_client.js"), server.address(),
                                  ARGS.proto, doc_path, str(ARGS.items)],
                                 capture_output=True, text=True, timeout=300, env=env)
            self.assertEqual(run.returncode, 0, run.stderr)
            got = json.loads(run.stdout.strip().splitlines()[-1])
            self.assertEqual(got["validate"]["rule_ids"], sorted(f.rule_id for f in py.findings))
            self.assertEqual(got["validate"]["rulesets"], [s.id for s in py.rulesets])
            self.assertEqual(got["stream"], {"sent": ARGS.items, "answered": ARGS.items,
                                             "unique": ARGS.items, "errors": 0})
            channel.close()
        finally:
            server.kill()


def main():
    p = base_parser()
    p.add_argument("--proto", required=True, help="directory holding xxgk/v1/*.proto")
    p.add_argument("--seeds", required=True)
    p.add_argument("--node_prefix", required=True, help="where npm installs @grpc/grpc-js")
    p.add_argument("--items", type=int, default=200)
    run_unittests(p)


if __name__ == "__main__":
    main()
