#!/usr/bin/env python3
"""Starts a language server command, sends `initialize`, `initialized`, `shutdown` and
`exit` over stdio, and checks the answers: the server names itself and offers
diagnostics, answers `shutdown`, and exits with status 0.

    python3 .ci/lsp-initialize.py COMMAND...      (for example: wine64 csa.exe lsp)

Prints the server's name and version, or what went wrong; exit status 0 when all is
well. Used by .ci/dist-check.sh for the Windows binary under Wine.
"""
import json
import subprocess
import sys
import threading


def send(proc, message):
    body = json.dumps(message).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(stream):
    """One message, or None at the end of the stream."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    if length is None:
        raise ValueError("a message without Content-Length")
    return json.loads(stream.read(length))


def answer_to(stream, request_id):
    """The response to `request_id`, skipping notifications and requests."""
    while True:
        message = receive(stream)
        if message is None:
            raise EOFError(f"the server closed its output before answering request {request_id}")
        if message.get("id") == request_id and "method" not in message:
            return message


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    proc = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    # Wine's first start in a fresh prefix takes a while; a hung server must not hang CI.
    timer = threading.Timer(180, proc.kill)
    timer.start()
    try:
        send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                    "params": {"processId": None, "rootUri": None, "capabilities": {}}})
        result = answer_to(proc.stdout, 1).get("result") or {}
        info = result.get("serverInfo") or {}
        capabilities = result.get("capabilities") or {}
        send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
        shutdown = answer_to(proc.stdout, 2)
        send(proc, {"jsonrpc": "2.0", "method": "exit", "params": None})
        proc.stdin.close()
        status = proc.wait(timeout=60)
    except (EOFError, ValueError, OSError, subprocess.TimeoutExpired) as error:
        proc.kill()
        print(f"lsp-initialize: {error}", file=sys.stderr)
        return 1
    finally:
        timer.cancel()
    problems = []
    if info.get("name") != "csa":
        problems.append(f"serverInfo.name is {info.get('name')!r}, not 'csa'")
    if not ("diagnosticProvider" in capabilities or "textDocumentSync" in capabilities):
        problems.append("the capabilities offer neither diagnostics nor document sync")
    if "error" in shutdown:
        problems.append(f"shutdown answered an error: {shutdown['error']}")
    if status != 0:
        problems.append(f"the server exited with status {status} after exit")
    if problems:
        print("lsp-initialize: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"initialize answered: {info.get('name')} {info.get('version')}, "
          f"{len(capabilities)} capabilities; shutdown and exit clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())
