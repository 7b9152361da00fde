"""Shared helpers of the server's Python tests: start the real xxgk-server,
health and reflection without extra Python packages, /metrics parsing, and a
structured 2021 report built field by field."""

import argparse
import os
import re
import socket
import subprocess
import tempfile
import sys
import time
import unittest
import urllib.request

PROCS = []
LOGS = []  # server log files, removed by kill_all()

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProc:
    """One xxgk-server process; stderr goes to a file (no pipe to fill)."""

    def __init__(self, binary, *flags, port=None, metrics_port=None):
        self.port = port or free_port()
        self.metrics_port = metrics_port if metrics_port is not None else free_port()
        self.log = tempfile.NamedTemporaryFile(prefix="xxgk-server-", suffix=".log", delete=False)
        LOGS.append(self.log.name)
        cmd = [binary, "--host=127.0.0.1", f"--port={self.port}",
               f"--metrics_port={self.metrics_port}", *flags]
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT)
        PROCS.append(self.proc)

    def address(self):
        return f"127.0.0.1:{self.port}"

    def wait_exit(self, timeout):
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
            raise AssertionError(f"xxgk-server did not exit within {timeout}s")

    def output(self):
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


def kill_all():
    for p in PROCS:
        if p.poll() is None:
            p.kill()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
    for path in LOGS:
        try:
            os.remove(path)
        except OSError:
            pass
    LOGS.clear()


# ---- protocol helpers -------------------------------------------------------

def dynamic_messages():
    """grpc.health.v1 and grpc.reflection.v1alpha messages, built from
    descriptors here (Debian packages no Python modules for them). Only the
    fields this test uses are declared; protobuf ignores the rest."""
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

    pool = descriptor_pool.DescriptorPool()
    F = descriptor_pb2.FieldDescriptorProto

    def field(msg, name, number, ftype, label=F.LABEL_OPTIONAL, type_name=None):
        f = msg.field.add(name=name, number=number, type=ftype, label=label)
        if type_name:
            f.type_name = type_name

    health = descriptor_pb2.FileDescriptorProto(name="test_health.proto",
                                                package="grpc.health.v1", syntax="proto3")
    req = health.message_type.add(name="HealthCheckRequest")
    field(req, "service", 1, F.TYPE_STRING)
    resp = health.message_type.add(name="HealthCheckResponse")
    field(resp, "status", 1, F.TYPE_INT32)
    pool.Add(health)

    refl = descriptor_pb2.FileDescriptorProto(name="test_reflection.proto",
                                              package="grpc.reflection.v1alpha", syntax="proto3")
    rreq = refl.message_type.add(name="ServerReflectionRequest")
    field(rreq, "host", 1, F.TYPE_STRING)
    field(rreq, "list_services", 7, F.TYPE_STRING)
    svc = refl.message_type.add(name="ServiceResponse")
    field(svc, "name", 1, F.TYPE_STRING)
    lst = refl.message_type.add(name="ListServiceResponse")
    field(lst, "service", 1, F.TYPE_MESSAGE, F.LABEL_REPEATED,
          ".grpc.reflection.v1alpha.ServiceResponse")
    rresp = refl.message_type.add(name="ServerReflectionResponse")
    field(rresp, "list_services_response", 6, F.TYPE_MESSAGE, F.LABEL_OPTIONAL,
          ".grpc.reflection.v1alpha.ListServiceResponse")
    pool.Add(refl)

    rpc = descriptor_pb2.FileDescriptorProto(name="test_rpc_status.proto",
                                             package="google.rpc", syntax="proto3")
    anylike = rpc.message_type.add(name="AnyLike")  # google.protobuf.Any's wire form
    field(anylike, "type_url", 1, F.TYPE_STRING)
    field(anylike, "value", 2, F.TYPE_BYTES)
    status = rpc.message_type.add(name="Status")
    field(status, "code", 1, F.TYPE_INT32)
    field(status, "message", 2, F.TYPE_STRING)
    field(status, "details", 3, F.TYPE_MESSAGE, F.LABEL_REPEATED, ".google.rpc.AnyLike")
    violation = rpc.message_type.add(name="FieldViolation")
    field(violation, "field", 1, F.TYPE_STRING)
    field(violation, "description", 2, F.TYPE_STRING)
    bad = rpc.message_type.add(name="BadRequest")
    field(bad, "field_violations", 1, F.TYPE_MESSAGE, F.LABEL_REPEATED,
          ".google.rpc.FieldViolation")
    pool.Add(rpc)

    factory = message_factory.MessageFactory(pool)
    get = lambda n: factory.GetPrototype(pool.FindMessageTypeByName(n))
    return {
        "HealthCheckRequest": get("grpc.health.v1.HealthCheckRequest"),
        "HealthCheckResponse": get("grpc.health.v1.HealthCheckResponse"),
        "ServerReflectionRequest": get("grpc.reflection.v1alpha.ServerReflectionRequest"),
        "ServerReflectionResponse": get("grpc.reflection.v1alpha.ServerReflectionResponse"),
        "Status": get("google.rpc.Status"),
        "BadRequest": get("google.rpc.BadRequest"),
    }


def field_violations(rpc_error, msgs):
    """The google.rpc.BadRequest field names in an error's status details."""
    fields = []
    for key, value in rpc_error.trailing_metadata() or ():
        if key != "grpc-status-details-bin":
            continue
        status = msgs["Status"].FromString(value)
        for detail in status.details:
            if detail.type_url.endswith("/google.rpc.BadRequest"):
                bad = msgs["BadRequest"].FromString(detail.value)
                fields.extend(v.field for v in bad.field_violations)
    return fields


SERVING, NOT_SERVING = 1, 2


def health_status(channel, msgs, service="", timeout=2.0):
    call = channel.unary_unary(
        "/grpc.health.v1.Health/Check",
        request_serializer=msgs["HealthCheckRequest"].SerializeToString,
        response_deserializer=msgs["HealthCheckResponse"].FromString)
    return call(msgs["HealthCheckRequest"](service=service), timeout=timeout).status


def wait_serving(channel, msgs, deadline_s=60):
    import grpc
    end = time.monotonic() + deadline_s
    last = None
    while time.monotonic() < end:
        try:
            if health_status(channel, msgs) == SERVING:
                return
        except grpc.RpcError as e:  # not listening yet
            last = e
        time.sleep(0.1)
    raise AssertionError(f"server not SERVING within {deadline_s}s (last error: {last})")


def reflection_services(channel, msgs):
    call = channel.stream_stream(
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
        request_serializer=msgs["ServerReflectionRequest"].SerializeToString,
        response_deserializer=msgs["ServerReflectionResponse"].FromString)
    responses = call(iter([msgs["ServerReflectionRequest"](list_services="*")]), timeout=10)
    names = []
    for r in responses:
        names.extend(s.name for s in r.list_services_response.service)
    return names


def scrape(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
        return r.read().decode("utf-8")


def metric_sum(text, name, **labels):
    """Sum of every sample of `name` whose labels include `labels`."""
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        m = re.match(r"^(\w+)(\{(.*)\})?\s+(\S+)$", line)
        if not m or m.group(1) != name:
            continue
        got = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(3) or ""))
        if all(got.get(k) == v for k, v in labels.items()):
            total += float(m.group(4))
    return total


# ---- a structured 2021 report --------------------------------------------------

def number(cell, value):
    cell.presence = cell.NUMBER
    cell.value = str(value)
    cell.raw = str(value)


def fill_rows(msg, row_type_name, value=0):
    """Every cell of every `row_type_name` message below `msg` set to `value`."""
    for fd in msg.DESCRIPTOR.fields:
        if fd.message_type is None or fd.label == fd.LABEL_REPEATED:
            continue
        sub = getattr(msg, fd.name)
        if fd.message_type.name == row_type_name:
            for cf in fd.message_type.fields:
                number(getattr(sub, cf.name), value)
        elif fd.message_type.name != "Cell" and fd.message_type.name != "TableInfo":
            fill_rows(sub, row_type_name, value)


def cell_at(report, key):
    """The Cell message of a cell key such as t3.result.granted.natural_person."""
    msg = report.tables
    for part in key.split("."):
        msg = getattr(msg, part)
    return msg


def build_report(wrong_cell=None):
    from xxgk.v1 import report_pb2 as R
    rep = R.Report()
    m = rep.meta
    m.title = "某县统计局2021年政府信息公开工作年度报告"
    m.agency = "某县统计局"
    m.agency_level = R.COUNTY_DEPARTMENT
    m.report_year = 2021
    m.format_version = R.FORMAT_2021
    m.script = R.SIMPLIFIED
    m.publish_date.year, m.publish_date.month, m.publish_date.day = 2022, 1, 20
    m.period_start.year, m.period_start.month, m.period_start.day = 2021, 1, 1
    m.period_end.year, m.period_end.month, m.period_end.day = 2021, 12, 31
    bodies = [
        (R.Section.GENERAL, "一", "总体情况", "2021年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，"
         "主动公开政府信息，依法办理政府信息公开申请，加强政府信息管理和平台建设，强化监督保障。"),
        (R.Section.ACTIVE_DISCLOSURE, "二", "主动公开政府信息情况", "见下表。"),
        (R.Section.APPLICATIONS, "三", "收到和处理政府信息公开申请情况", "见下表。"),
        (R.Section.REVIEW_LITIGATION, "四", "政府信息公开行政复议、行政诉讼情况", "见下表。"),
        (R.Section.PROBLEMS, "五", "存在的主要问题及改进情况",
         "存在的问题：主动公开的深度和广度还不够，政策解读形式较为单一。改进措施：加强培训，"
         "丰富解读形式，提高公开质量。上年度问题已按计划整改完成。"),
        (R.Section.OTHER_MATTERS, "六", "其他需要报告的事项",
         "本年度未收取信息处理费。本局无其他需要报告的事项。"),
    ]
    text = []
    for i, (kind, numeral, heading, body) in enumerate(bodies, start=1):
        rep.sections.add(kind=kind, heading=heading, numeral=numeral, number=i, level=1,
                             text=body)
        text.append(f"{numeral}、{heading}\n{body}\n")
    rep.text = m.title + "\n" + "".join(text)

    t = rep.tables
    for table, layout in ((t.t2, R.FORMAT_2021), (t.t3, R.FORMAT_2021), (t.t4, R.FORMAT_2021)):
        table.info.found = True
        table.info.layout = layout
    for block in (t.t2.rules, t.t2.normative_documents):
        for f in ("issued", "repealed", "in_force"):
            number(getattr(block, f), 0)
    for block in (t.t2.licensing, t.t2.penalty, t.t2.coercion):
        number(block.decisions, 0)
    number(t.t2.fees.amount_wan_yuan, 0)
    fill_rows(t.t3, "T3Row", 0)
    fill_rows(t.t4, "T4Block", 0)
    # A consistent table 三: 10 natural persons + 2 companies, all answered.
    for key, v in {
        "t3.new_received.natural_person": 10, "t3.new_received.commercial_enterprise": 2,
        "t3.new_received.total": 12,
        "t3.result.granted.natural_person": 8, "t3.result.granted.commercial_enterprise": 2,
        "t3.result.granted.total": 10,
        "t3.result.unable.not_held.natural_person": 2, "t3.result.unable.not_held.total": 2,
        "t3.result.total.natural_person": 10, "t3.result.total.commercial_enterprise": 2,
        "t3.result.total.total": 12,
    }.items():
        number(cell_at(rep, key), v)
    if wrong_cell:
        key, value = wrong_cell
        number(cell_at(rep, key), value)
    return rep


def finding_key(f):
    return (f["rule_id"], f["category"], f.get("severity", ""),
            tuple(sorted(f.get("location", {}).get("cell_keys", []))))


def base_parser():
    """An argument parser with the flags every server test script takes."""
    p = argparse.ArgumentParser()
    p.add_argument("--server", required=True, help="the xxgk-server binary")
    p.add_argument("--stubs", required=True, help="directory of the generated Python stubs")
    return p


def run_unittests(parser):
    """Parses the script's flags into its module global ARGS, makes the stubs
    importable, runs the script's test cases and exits with their outcome.
    Every server a test started is killed on the way out."""
    args, rest = parser.parse_known_args()
    sys.path.insert(0, args.stubs)
    sys.modules["__main__"].ARGS = args
    ok = False
    try:
        prog = unittest.main(module="__main__", argv=[sys.argv[0], "-v", *rest], exit=False)
        ok = prog.result.wasSuccessful()
    finally:
        kill_all()
    sys.exit(0 if ok else 1)


def wait_for(pred, timeout, what, interval=0.25):
    """Polls pred() until it is true; an OSError counts as "not yet".
    Raises AssertionError naming `what` after `timeout` seconds."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            if pred():
                return
        except OSError as e:
            last = e
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last error: {last})")
