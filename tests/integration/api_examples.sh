#!/usr/bin/env bash
# Runs every `sh` example of docs/api.md, in order and exactly as written, against a freshly
# seeded ibc-store on a free loopback port, and checks each one's answer with python3's json
# module: proof that a third-party client can use the API as the README shows it.
#
#   api_examples.sh path/to/ibc-store path/to/docs/api.md
set -euo pipefail

store_bin=$1
examples=$2
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT

export PATH=/usr/bin:$PATH # Debian's python3 and curl, as scripts/install-deps installs them
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "api_examples: $tool is needed (scripts/install-deps)"; exit 1; }
done

cd "$work"
"$store_bin" seed --db store.db --items 50 --seed 7 >/dev/null
"$store_bin" serve --db store.db --listen 127.0.0.1:0 >serve.log 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  grep -q 'serving .* on http://' serve.log && break
  sleep 0.1
done
IBC=$(grep -o 'http://127\.0\.0\.1:[0-9]*' serve.log | head -1)
[ -n "$IBC" ] || { echo "api_examples: ibc-store did not start"; cat serve.log; exit 1; }

# The examples, one `{ … } > out/N` group each, so that the variables they set carry on.
python3 - "$examples" >run.sh <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"^```sh\n(.*?)^```$", text, re.S | re.M)
print("set -u")
for n, block in enumerate(blocks):
    name = re.match(r"# example: (.+)", block).group(1)
    print(f"echo {name!r} > out/{n}.name")
    print("{\n" + block + f"}} > out/{n}.txt 2>&1 || echo \"exit status $?\" >> out/{n}.txt")
EOF
mkdir out
IBC=$IBC bash run.sh

python3 - out "$IBC" <<'EOF'
import json, os, re, sys
out = sys.argv[1]
n = len([f for f in os.listdir(out) if f.endswith(".name")])
rfc3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

def body_and_status(text):
    body, _, status = text.strip().rpartition(" ")
    return json.loads(body), int(status)

outputs = {}
def check(name, text):
    lines = text.strip().splitlines()
    if name == "health":
        assert json.loads(text)["status"] == "ok"
    elif name == "sign in":
        s = json.loads(text)
        assert len(s["token"]) >= 32 and rfc3339.match(s["expires_at"]) and s["user"]["role"] == "intake"
    elif name == "keep tokens":
        assert all(int(x) >= 32 for x in text.split())
    elif name == "wrong password":
        body, status = body_and_status(text)
        assert status == 401 and body["error"] == "invalid_credentials"
    elif name == "intake":
        assert re.match(r"^HR-\d{7} new HCC 1$", text.strip()), text
    elif name == "intake refused":
        body, status = body_and_status(text)
        assert status == 422 and body["error"] == "invalid_fields"
        assert set(body["fields"]) == {"partner", "fields.employee_number", "fields.leaving_reason"}, body["fields"]
    elif name == "get item":
        m = re.match(r"^(HR-\d{7}) new (\S+) \['received'\]$", text.strip())
        assert m and rfc3339.match(m.group(2)) and m.group(2).endswith("+00:00"), text
    elif name == "out of scope":
        body, status = body_and_status(text)
        assert status == 404 and body["error"] == "not_found"
    elif name == "claim":
        r = json.loads(text)["results"][0]
        assert r["outcome"] == "applied" and r["version"] == 2 and r["seq"] > 0, r
    elif name == "retry":
        assert json.loads(text) == json.loads(outputs["claim"])
    elif name == "batch":
        assert [l.split() for l in lines] == [["applied", "3"], ["applied", "4"], ["rejected", "unknown_outcome"]], lines
    elif name == "conflict":
        assert text.strip() == "conflict wrong_status sam.patel 4", text
    elif name == "four eyes":
        assert lines == ["applied 5", "rejected maker_cannot_check", "applied 6",
                         "closed [('resolve', 'sam.patel', 'awaiting_check'), ('pass_check', 'priya.shah', 'closed')]"], lines
    elif name == "bad batch":
        body, status = body_and_status(text)
        assert status == 400 and set(body["fields"]) == {"commands[0].type", "commands[0].base_version"}, body
        assert "frobnicate" in body["message"]
    elif name == "first page":
        count, next_seq, more = lines[0].split()
        seqs = [int(l.split()[0]) for l in lines[1:]]
        assert count == "3" and more == "True" and seqs == sorted(seqs) and int(next_seq) == seqs[-1], lines
    elif name == "next page":
        count, next_seq, more = text.split()
        assert count == "3" and int(next_seq) > 3, text
    elif name == "whole feed":
        m = re.match(r"^(\d+) items up to (\d+)$", text.strip())
        assert m and int(m.group(1)) == 52, text  # 50 seeded and the two sent in by intake
    elif name == "reference":
        assert lines[0] == "['HCC', 'OCC', 'HIWC', 'OPCC', 'HIWFRS', 'LBHF', 'RBKC', 'WCC']", lines
        assert lines[1] == "['hr_change', 'invoice', 'payroll_exception']", lines
        assert int(lines[2].split()[0]) > 50, lines
    elif name == "audit log":
        assert lines[:3] == ["priya.shah command.applied pass_check 6",
                             "sam.patel command.rejected pass_check maker_cannot_check",
                             "sam.patel command.applied resolve 5"], lines
        assert re.match(r"^more: True next: before = \d+$", lines[3]), lines
        body, status = body_and_status("\n".join(lines[4:6]))  # the body ends in a newline, then the status
        assert status == 403 and body["error"] == "forbidden" and "auditors" in body["message"], lines
        body, status = body_and_status("\n".join(lines[6:8]))
        assert status == 400 and body["error"] == "invalid_parameter" and set(body["fields"]) == {"limit"}, lines
    elif name == "bad token":
        body, status = body_and_status(text)
        assert status == 401 and body["error"] == "invalid_token"
    elif name == "metrics":
        counts = dict(re.match(r'ibc_commands_total\{outcome="(\w+)"\} (\d+)', l).groups() for l in lines)
        assert int(counts["applied"]) >= 4 and int(counts["rejected"]) >= 1 and int(counts["conflict"]) >= 1, counts
    else:
        raise AssertionError(f"no check for the example '{name}': add one to api_examples.sh")

failed = 0
for i in range(n):
    name = open(f"{out}/{i}.name").read().strip()
    text = open(f"{out}/{i}.txt").read()
    outputs[name] = text
    try:
        assert "exit status" not in text, "the example failed"
        check(name, text)
        print(f"PASS   : {name}")
    except Exception as e:
        failed += 1
        print(f"FAIL!  : {name}: {e!r}\n{text}")
print(f"Totals: {n - failed} passed, {failed} failed")
sys.exit(1 if failed or n < 15 else 0)
EOF

kill -TERM "$server_pid"
wait "$server_pid"
server_pid=
grep -q 'ibc-store: stopped' serve.log
