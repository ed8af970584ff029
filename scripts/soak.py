#!/usr/bin/env python3
"""The soak's load: notifications and staff events at fixed rates against one running app, open loop (a request is sent
on schedule whether or not the ones before it have answered), and what came back. Started by scripts/soak.sh.

Each notification is the sample with a fresh identity code and notifier address. Each case then gets four staff events,
the first at least 3 s after its intake: UrgencyAssessed, NotifierContacted twice, ChildAndGuardiansInformed; at the
default rates that is 20 events/s. Every answer other than 202 counts as an error, and so does a request that failed
or took over 30 s. Every 10 s: answers so far, errors, and the app's resident memory (VmRSS from /proc)."""
import argparse, collections, concurrent.futures, http.client, json, random, statistics, sys, threading, time

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--pid", type=int, required=True)
parser.add_argument("--minutes", type=float, default=10)
parser.add_argument("--notifications-per-second", type=float, default=5)
parser.add_argument("--events-per-second", type=float, default=20)
parser.add_argument("--key", default="DevFunctionKey")
parser.add_argument("--sample", default="samples/notification.json")
args = parser.parse_args()

sample = json.load(open(args.sample, encoding="utf-8"))
events = [("UrgencyAssessed", {"urgent": False}),
          ("NotifierContacted", {"how": "phone", "note": "soitettu"}),
          ("NotifierContacted", {"how": "email"}),
          ("ChildAndGuardiansInformed", {"how": "puhelimitse"})]
lock = threading.Lock()
latencies = {"intake": [], "events": []}
service = {"intake": [], "events": []}  # from the request's send to its answer
statuses = collections.Counter()
errors = []
slow = []  # (kind, seconds, status, at)
ready = collections.deque()  # (ready_at, case_id, next_event_index)
local = threading.local()


def identity_code(n):
    # A valid Finnish identity code of a child born in 2015 (check character over the nine digits).
    day, month = 1 + n % 28, 1 + (n // 28) % 12
    serial = 2 + (n // 336) % 897
    digits = f"{day:02d}{month:02d}15{serial:03d}"
    return f"{day:02d}{month:02d}15A{serial:03d}" + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(digits) % 31]


def connection():
    if getattr(local, "conn", None) is None:
        local.conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
    return local.conn


def post(kind, path, body, staff, due):
    headers = {"Content-Type": "application/json"}
    if staff:
        # The function key: a machine client, recorded as key:<name> (no header names a person).
        headers["x-functions-key"] = args.key
    data = json.dumps(body).encode()
    started = time.monotonic()
    status, answer = None, b""
    try:
        conn = connection()
        conn.request("POST", path, data, headers)
        response = conn.getresponse()
        status, answer = response.status, response.read()
    except Exception as e:  # noqa: BLE001 - every failure is a figure
        local.conn = None
        status = type(e).__name__
    # From when the request was due, not when a thread got to it: a client that falls behind hides no waiting.
    took = time.monotonic() - due
    with lock:
        latencies[kind].append(took)
        service[kind].append(time.monotonic() - started)
        statuses[f"{kind} {status}"] += 1
        if status != 202:
            errors.append(f"{time.strftime('%H:%M:%S', time.gmtime())} UTC {kind} {path} -> {status} {answer[:200]!r}")
        if took > 5:
            slow.append((kind, round(took, 2), status, time.strftime("%H:%M:%S", time.gmtime())))
    return status, answer


def notify(n, due):
    body = json.loads(json.dumps(sample))
    body["children"][0]["identityCode"] = identity_code(n)
    body["notifier"]["email"] = f"soak{n}@example.test"
    status, answer = post("intake", "/api/notifications", body, staff=False, due=due)
    if status == 202:
        case_id = json.loads(answer)["id"]
        with lock:
            ready.append((time.monotonic() + 3, case_id, 0))


def raise_next(due):
    with lock:
        if not ready or ready[0][0] > time.monotonic():
            return False
        _, case_id, index = ready.popleft()
    name, body = events[index]
    status, _ = post("events", f"/api/cases/{case_id}/events/{name}", body, staff=True, due=due)
    if index + 1 < len(events):
        with lock:
            ready.append((time.monotonic() + 0.5, case_id, index + 1))
    return True


def memory():
    try:
        for line in open(f"/proc/{args.pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    except OSError:
        return None


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


pool = concurrent.futures.ThreadPoolExecutor(max_workers=256)
start = time.monotonic()
end = start + args.minutes * 60
n_sent = e_sent = e_missed = 0
events_from = None
next_report = start
samples = []
print(f"soak: {args.notifications_per_second} notifications/s and {args.events_per_second} events/s for {args.minutes} min,"
      f" app pid {args.pid}, port {args.port}", flush=True)
seed = random.randrange(1_000_000)
while True:
    now = time.monotonic()
    if now >= end:
        break
    elapsed = now - start
    while n_sent < elapsed * args.notifications_per_second:
        pool.submit(notify, seed * 10_000 + n_sent, start + n_sent / args.notifications_per_second)
        n_sent += 1
    with lock:
        has = bool(ready) and ready[0][0] <= now
    if events_from is None and has:
        events_from = now  # the events' clock starts with the first case ready for one
    while events_from is not None and e_sent + e_missed < (now - events_from) * args.events_per_second:
        # A slot with no case ready (intake fell behind) is skipped, and counted.
        with lock:
            has = bool(ready) and ready[0][0] <= now
        if has:
            pool.submit(raise_next, events_from + (e_sent + e_missed) / args.events_per_second)
            e_sent += 1
        else:
            e_missed += 1
    if now >= next_report:
        rss = memory()
        with lock:
            done_i, done_e, errs = len(latencies["intake"]), len(latencies["events"]), len(errors)
        samples.append((round(elapsed), rss))
        print(f"  {elapsed:6.0f} s  intake {done_i:6d}  events {done_e:6d}  errors {errs:4d}  RSS {rss} MiB", flush=True)
        next_report += 10
    time.sleep(0.005)
# What is still unanswered a minute after the end counts as an error each; what never got a thread is dropped, counted.
waited_until = time.monotonic() + 60
while time.monotonic() < waited_until and pool._work_queue.qsize() + sum(1 for t in pool._threads if t.is_alive()) > 0:
    with lock:
        answered = len(latencies["intake"]) + len(latencies["events"])
    if answered >= n_sent + e_sent:
        break
    time.sleep(0.5)
pool.shutdown(wait=False, cancel_futures=True)
with lock:
    # Each unanswered request is an error of its own (one line for them all below).
    unanswered = n_sent + e_sent - len(latencies["intake"]) - len(latencies["events"])

total = args.minutes * 60
print()
print(f"duration {time.monotonic() - start:.0f} s; notifications sent {n_sent}, events sent {e_sent} (event slots skipped, no case ready: {e_missed})")
for kind in ("intake", "events"):
    values = latencies[kind]
    print(f"{kind:7s} answers {len(values):6d}  rate {len(values) / total:5.2f}/s  p50 {percentile(values, 50) * 1000:7.1f} ms"
          f"  p99 {percentile(values, 99) * 1000:7.1f} ms  max {max(values) * 1000 if values else float('nan'):7.1f} ms"
          f"  (send to answer: p50 {percentile(service[kind], 50) * 1000:.1f} ms, p99 {percentile(service[kind], 99) * 1000:.1f} ms)")
print("statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
print(f"errors: {len(errors) + unanswered}")
if unanswered > 0:
    print(f"  {unanswered} requests unanswered 60 s after the end (or never sent: the client fell behind)")
for line in errors[:20]:
    print("  " + line)
print(f"answers over 5 s: {len(slow)}")
# By the second they were answered: a pause of the app or of storage shows as one second with many.
by_second = collections.defaultdict(list)
for kind, took, status, at in slow:
    by_second[at].append(took)
for at, took in sorted(by_second.items())[:40]:
    print(f"  {at} UTC {len(took):4d} answered, longest {max(took):.1f} s")
if len(by_second) > 40:
    print(f"  ... and {len(by_second) - 40} more seconds")
rss = [m for _, m in samples if m is not None]
if rss:
    print("RSS by minute (MiB): " + ", ".join(str(m) for _, m in samples[::6] if m is not None))
    half = rss[len(rss) // 2:]
    print(f"RSS: first {rss[0]}, max {max(rss)}, last {rss[-1]}; second half min {min(half)} max {max(half)}")
sys.exit(1 if errors or unanswered else 0)
