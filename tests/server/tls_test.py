#!/usr/bin/python3
"""TLS and mutual TLS of xxgk-server: certificates are generated with openssl
at test time (a CA, a server certificate for 127.0.0.1/localhost, a client
certificate from the same CA and one from an unrelated CA). With --tls_cert
and --tls_key a TLS client is accepted and a plaintext one is not; with
--tls_ca as well, only clients presenting a certificate signed by that CA are
accepted. All waits are bounded; servers are killed on every exit path.
"""

import os
import signal
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_harness import (  # noqa: E402
    base_parser, run_unittests, NOT_SERVING, SERVING, ServerProc, dynamic_messages, free_port,
    health_status, kill_all, wait_serving)

ARGS = None


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, timeout=60,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_ca(d, name):
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key",
            "-out", f"{name}.crt", "-days", "2", "-subj", f"/CN=xxgk test {name}", cwd=d)


def make_leaf(d, name, ca, san=None):
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", f"{name}.key", "-out",
            f"{name}.csr", "-subj", f"/CN={name}", cwd=d)
    ext = os.path.join(d, f"{name}.ext")
    with open(ext, "w", encoding="ascii") as f:
        f.write(f"subjectAltName={san}\n" if san else "basicConstraints=CA:FALSE\n")
    openssl("x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.crt", "-CAkey", f"{ca}.key",
            "-CAcreateserial", "-out", f"{name}.crt", "-days", "2", "-extfile", ext, cwd=d)


def read(d, name):
    with open(os.path.join(d, name), "rb") as f:
        return f.read()


class TlsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="xxgk-tls-")
        make_ca(cls.dir, "ca")
        make_ca(cls.dir, "rogue-ca")
        make_leaf(cls.dir, "server", "ca", san="DNS:localhost,IP:127.0.0.1")
        make_leaf(cls.dir, "client", "ca")
        make_leaf(cls.dir, "rogue-client", "rogue-ca")
        cls.msgs = dynamic_messages()

    @classmethod
    def tearDownClass(cls):
        kill_all()
        subprocess.run(["rm", "-rf", cls.dir], check=False)

    def creds(self, client=None):
        import grpc
        if client is None:
            return grpc.ssl_channel_credentials(root_certificates=read(self.dir, "ca.crt"))
        return grpc.ssl_channel_credentials(
            root_certificates=read(self.dir, "ca.crt"),
            private_key=read(self.dir, f"{client}.key"),
            certificate_chain=read(self.dir, f"{client}.crt"))

    def start(self, *flags):
        d = self.dir
        return ServerProc(ARGS.server, f"--tls_cert={d}/server.crt", f"--tls_key={d}/server.key",
                          *flags, metrics_port=0)

    def assert_rejected(self, channel):
        import grpc
        with self.assertRaises(grpc.RpcError) as e:
            health_status(channel, self.msgs, timeout=5)
        self.assertEqual(e.exception.code(), grpc.StatusCode.UNAVAILABLE)

    def test_tls(self):
        import grpc
        server = self.start()
        try:
            with grpc.secure_channel(server.address(), self.creds()) as ch:
                wait_serving(ch, self.msgs)
                self.assertEqual(health_status(ch, self.msgs, "xxgk.v1.Validator"), SERVING)
            with grpc.insecure_channel(server.address()) as ch:
                self.assert_rejected(ch)
        finally:
            server.kill()

    def test_mutual_tls(self):
        import grpc
        server = self.start(f"--tls_ca={self.dir}/ca.crt")
        try:
            with grpc.secure_channel(server.address(), self.creds("client")) as ch:
                wait_serving(ch, self.msgs)
            with grpc.secure_channel(server.address(), self.creds()) as ch:
                self.assert_rejected(ch)  # no client certificate
            with grpc.secure_channel(server.address(), self.creds("rogue-client")) as ch:
                self.assert_rejected(ch)  # signed by a CA the server does not trust
        finally:
            server.kill()

    def test_health_port_speaks_plaintext_beside_mutual_tls(self):
        """--health_port serves the health status without TLS (for the
        kubelet's probes) and nothing of the Validator; the main port still
        demands a client certificate; draining turns both NOT_SERVING."""
        import grpc
        import time
        health_port = free_port()
        server = self.start(f"--tls_ca={self.dir}/ca.crt", f"--health_port={health_port}",
                            "--shutdown_delay_seconds=5")
        try:
            with grpc.insecure_channel(f"127.0.0.1:{health_port}") as ch:
                wait_serving(ch, self.msgs)
                self.assertEqual(health_status(ch, self.msgs, "xxgk.v1.Validator"), SERVING)
                validate = ch.unary_unary("/xxgk.v1.Validator/Validate",
                                          request_serializer=lambda b: b,
                                          response_deserializer=lambda b: b)
                with self.assertRaises(grpc.RpcError) as e:
                    validate(b"", timeout=5)
                self.assertEqual(e.exception.code(), grpc.StatusCode.UNIMPLEMENTED)
                with grpc.insecure_channel(server.address()) as main:
                    self.assert_rejected(main)
                server.proc.send_signal(signal.SIGTERM)
                end = time.monotonic() + 4  # within the 5 s shutdown delay
                status = SERVING
                while status != NOT_SERVING and time.monotonic() < end:
                    status = health_status(ch, self.msgs, "xxgk.v1.Validator")
                    time.sleep(0.05)
                self.assertEqual(status, NOT_SERVING)
            self.assertEqual(server.wait_exit(30), 0)
        finally:
            server.kill()

    def test_unreadable_key_fails_clearly(self):
        server = ServerProc(ARGS.server, f"--tls_cert={self.dir}/server.crt",
                            "--tls_key=/nonexistent/server.key", metrics_port=0)
        rc = server.wait_exit(30)
        self.assertNotEqual(rc, 0)
        self.assertIn("--tls_key=/nonexistent/server.key", server.output())


def main():
    p = base_parser()
    run_unittests(p)


if __name__ == "__main__":
    main()
