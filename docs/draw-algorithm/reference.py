#!/usr/bin/env python3
"""A second implementation of gongshi-draw/1, written from docs/draw-algorithm.md alone (Python 3.11, standard
library only). It prints the test vectors that test/draw-vectors.test.ts checks src/draw/ against:

    python3 docs/draw-algorithm/reference.py > test/fixtures/draw-vectors.json

Plain and slow on purpose (it scans every inspector for each pick): it is meant to be read next to the text.
"""
import hashlib
import hmac
import json
import re
import struct
import sys

VERSION = "gongshi-draw/1"
TOKEN = re.compile(r"[\x21-\x7e]{1,128}")


class DrawError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- Canonical pools and their hashes (#pools) ---------------------------------------------------------------

def canonical_pools(pools):
    for e in pools["entities"]:
        if not (TOKEN.fullmatch(e["id"]) and TOKEN.fullmatch(e["stratum"])):
            raise DrawError("bad-pool")
    for i in pools["inspectors"]:
        if not TOKEN.fullmatch(i["id"]):
            raise DrawError("bad-pool")
    for c in pools["conflicts"]:
        if not (TOKEN.fullmatch(c["inspectorId"]) and TOKEN.fullmatch(c["entityId"])):
            raise DrawError("bad-pool")
    entities = sorted(pools["entities"], key=lambda e: e["id"].encode())
    inspectors = sorted(pools["inspectors"], key=lambda i: i["id"].encode())
    for items in (entities, inspectors):
        ids = [x["id"] for x in items]
        if len(set(ids)) != len(ids):
            raise DrawError("duplicate-id")
    entity_ids = {e["id"] for e in entities}
    inspector_ids = {i["id"] for i in inspectors}
    pairs = {(c["inspectorId"], c["entityId"]) for c in pools["conflicts"]
             if c["inspectorId"] in inspector_ids and c["entityId"] in entity_ids}
    conflicts = [{"inspectorId": i, "entityId": e} for i, e in sorted(pairs, key=lambda p: (p[0].encode(), p[1].encode()))]
    return {"entities": entities, "inspectors": inspectors, "conflicts": conflicts}


def pool_digests(pools):
    lines = {
        "entities": [f"{e['id']}\t{e['stratum']}\n" for e in pools["entities"]],
        "inspectors": [f"{i['id']}\n" for i in pools["inspectors"]],
        "conflicts": [f"{c['inspectorId']}\t{c['entityId']}\n" for c in pools["conflicts"]],
    }
    return {name: {"count": len(ls), "sha256": sha256_hex("".join(ls).encode())} for name, ls in lines.items()}


# --- Secret, parameters, seed (#secret, #seed) -----------------------------------------------------------------

def hex32(value, code):
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        raise DrawError(code)
    return bytes.fromhex(value)


def commitment_of(secret):
    return sha256_hex(hex32(secret, "bad-secret"))


def parameters_json(parameters):
    return json.dumps(parameters, sort_keys=True, separators=(",", ":"))


def check_parameters(p):
    k = p.get("inspectorsPerEntity")
    if not (isinstance(k, int) and 2 <= k <= 100):
        raise DrawError("bad-parameters")
    s = p.get("sample", {})
    rules = [s] if s.get("mode") in ("count", "ratio") else list(s.get("strata", {}).values())
    if s.get("mode") == "strata" and not rules:
        raise DrawError("bad-parameters")
    for r in rules:
        if "count" in r and not (isinstance(r["count"], int) and r["count"] >= 1):
            raise DrawError("bad-parameters")
        if "basisPoints" in r and not (isinstance(r["basisPoints"], int) and 1 <= r["basisPoints"] <= 10000):
            raise DrawError("bad-parameters")


def field(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def seed_of(task_id, digests, parameters, secret, contributions):
    data = field(VERSION.encode("ascii")) + field(task_id.encode("utf-8"))
    for name in ("entities", "inspectors", "conflicts"):
        data += field(bytes.fromhex(digests[name]["sha256"]))
    data += field(parameters_json(parameters).encode("utf-8"))
    data += field(hex32(secret, "bad-secret"))
    data += struct.pack(">I", len(contributions))
    for c in contributions:
        data += field(hex32(c, "bad-contribution"))
    return sha256_hex(data)


# --- The random stream (#stream) -------------------------------------------------------------------------------

class Stream:
    def __init__(self, seed_hex, label):
        self.key = bytes.fromhex(seed_hex)
        self.label = label.encode("ascii")
        self.block = 0
        self.words = []

    def next(self):
        if not self.words:
            mac = hmac.new(self.key, self.label + struct.pack(">Q", self.block), hashlib.sha256).digest()
            self.block += 1
            self.words = list(struct.unpack(">8I", mac))
        return self.words.pop(0)

    def uniform(self, n):
        limit = 2**32 - (2**32 % n)
        while True:
            x = self.next()
            if x < limit:
                return x % n


# --- Selection (#selection) ------------------------------------------------------------------------------------

def groups_of(entities, sample):
    """[(stratum or None, sorted ids, count)] in drawing order."""
    def count_of(rule, size):
        if "count" in rule:
            if rule["count"] > size:
                raise DrawError("sample-exceeds-pool")
            return rule["count"]
        return (size * rule["basisPoints"] + 9999) // 10000

    if sample["mode"] in ("count", "ratio"):
        ids = [e["id"] for e in entities]
        return [(None, ids, count_of(sample, len(ids)))]
    out = []
    for stratum in sorted(sample["strata"], key=lambda s: s.encode()):
        ids = [e["id"] for e in entities if e["stratum"] == stratum]
        out.append((stratum, ids, count_of(sample["strata"][stratum], len(ids))))
    return out


def select(groups, stream):
    drawn = []
    for _stratum, ids, count in groups:
        ids = list(ids)
        for i in range(count):
            j = i + stream.uniform(len(ids) - i)
            ids[i], ids[j] = ids[j], ids[i]
            drawn.append(ids[i])
    return drawn


# --- Assignment (#assignment) ----------------------------------------------------------------------------------

def assign(drawn, inspectors, conflicts, k, stream):
    ids = [i["id"] for i in inspectors]
    load = {i: 0 for i in ids}
    recused = {(c["inspectorId"], c["entityId"]) for c in conflicts}
    out = []
    for entity in drawn:
        picks = []
        for _ in range(k):
            eligible = [i for i in ids if (i, entity) not in recused and i not in picks]
            if not eligible:
                raise DrawError("too-few-inspectors-after-recusal")
            low = min(load[i] for i in eligible)
            ties = [i for i in eligible if load[i] == low]
            pick = ties[stream.uniform(len(ties))]
            load[pick] += 1
            picks.append(pick)
        out.append(picks)
    cap = -(-len(drawn) * k // len(ids))
    return out, [i for i in ids if load[i] > cap]


# --- The whole draw ----------------------------------------------------------------------------------------------

def run_draw(task_id, pools, parameters, secret, contributions):
    check_parameters(parameters)
    pools = canonical_pools(pools)
    digests = pool_digests(pools)
    k = parameters["inspectorsPerEntity"]
    groups = groups_of(pools["entities"], parameters["sample"])
    if sum(count for _s, _ids, count in groups) == 0:
        raise DrawError("empty-sample")
    if len(pools["inspectors"]) < k:
        raise DrawError("too-few-inspectors")
    drawn_strata = {s for s, _ids, _c in groups}
    for e in pools["entities"]:
        if None in drawn_strata or e["stratum"] in drawn_strata:
            recusals = sum(1 for c in pools["conflicts"] if c["entityId"] == e["id"])
            if len(pools["inspectors"]) - recusals < k:
                raise DrawError("too-few-inspectors-after-recusal")
    seed = seed_of(task_id, digests, parameters, secret, contributions)
    drawn = select(groups, Stream(seed, "select"))
    picks, over_share = assign(drawn, pools["inspectors"], pools["conflicts"], k, Stream(seed, "assign"))
    stratum = {e["id"]: e["stratum"] for e in pools["entities"]}
    selections = [{"seq": n + 1, "entityId": e, "stratum": stratum[e], "inspectorIds": p} for n, (e, p) in enumerate(zip(drawn, picks))]
    return {
        "pools": digests,
        "parametersJson": parameters_json(parameters),
        "commitment": commitment_of(secret),
        "seed": seed,
        "streams": {label: [s.next() for _ in range(10)] for label in ("select", "assign") for s in [Stream(seed, label)]},
        "groups": [{"stratum": s, "size": len(ids), "count": c} for s, ids, c in groups],
        "result": {"selections": selections, "overShare": over_share},
    }


# --- The vectors ---------------------------------------------------------------------------------------------------

def h(text):
    return sha256_hex(text.encode())


def uid(kind, n):
    """A UUIDv7-shaped id, deterministic, so the vectors look like real pools."""
    x = h(f"{kind} {n}")
    return f"0197{x[0:4]}-{x[4:8]}-7{x[8:11]}-{'89ab'[int(x[11], 16) % 4]}{x[12:15]}-{x[15:27]}"


def shuffled(items, salt):
    """A fixed disorder, so that the implementations must sort the pools themselves."""
    return sorted(items, key=lambda x: h(salt + json.dumps(x, sort_keys=True)))


def entities(n, salt, strata="ABCD-"):
    return shuffled([{"id": uid("entity " + salt, i), "stratum": strata[int(h(f"{salt} {i}")[0], 16) % len(strata)]} for i in range(n)], salt)


def inspectors(n, salt):
    return shuffled([{"id": uid("inspector " + salt, i)} for i in range(n)], salt)


def secrets(name, contributions):
    return h(f"{name} secret"), [h(f"{name} contribution {i + 1}") for i in range(contributions)]


def case(name, description, pools, parameters, contributions=1):
    secret, values = secrets(name, contributions)
    task_id = uid("task", name)
    vector = {"name": name, "description": description,
              "input": {"taskId": task_id, "pools": pools, "parameters": parameters, "secret": secret, "contributions": values}}
    try:
        vector["expected"] = run_draw(task_id, pools, parameters, secret, values)
    except DrawError as err:
        vector["expected"] = {"error": err.code}
    return vector


def main():
    ex_entities = [{"id": "e1", "stratum": "A"}, {"id": "e2", "stratum": "A"}, {"id": "e3", "stratum": "B"},
                   {"id": "e4", "stratum": "B"}, {"id": "e5", "stratum": "C"}, {"id": "e6", "stratum": "-"}]
    ex_inspectors = [{"id": "i1"}, {"id": "i2"}, {"id": "i3"}]
    example = {"name": "example", "description": "The worked example of docs/draw-algorithm.md: 3 of 6 entities, 2 inspectors each, one conflict.",
               "input": {"taskId": "0197a000-0000-7000-8000-000000000001",
                         "pools": {"entities": ex_entities, "inspectors": ex_inspectors, "conflicts": [{"inspectorId": "i1", "entityId": "e5"}]},
                         "parameters": {"inspectorsPerEntity": 2, "sample": {"mode": "count", "count": 3}},
                         "secret": "00" * 32, "contributions": ["11" * 32]}}
    example["expected"] = run_draw(**{("task_id" if k == "taskId" else k): v for k, v in example["input"].items()})

    many = entities(25, "contributions")
    crowded = entities(15, "conflicts")
    crowded_ids = sorted(e["id"] for e in crowded)
    staff = inspectors(3, "conflicts")
    first = sorted(i["id"] for i in staff)[0]
    conflicts = [{"inspectorId": first, "entityId": e} for e in crowded_ids[:10]]
    conflicts += [conflicts[0], {"inspectorId": first, "entityId": uid("entity", "outside")}]
    stratified = entities(60, "strata")
    few_c = [e for e in stratified if e["stratum"] == "C"]

    vectors = [
        example,
        case("count", "7 of 20 entities over the whole pool, 2 of 6 inspectors each.",
             {"entities": entities(20, "count"), "inspectors": inspectors(6, "count"), "conflicts": []},
             {"inspectorsPerEntity": 2, "sample": {"mode": "count", "count": 7}}),
        case("ratio", "10 % of 37 entities rounds up to 4; 3 of 7 inspectors each; two contributions.",
             {"entities": entities(37, "ratio"), "inspectors": inspectors(7, "ratio"), "conflicts": []},
             {"inspectorsPerEntity": 3, "sample": {"mode": "ratio", "basisPoints": 1000}}, 2),
        case("strata", "Per risk class: D 30 %, C 2 entities, B 2 %, A 1 %; unclassified (-) not drawn.",
             {"entities": stratified, "inspectors": inspectors(8, "strata"), "conflicts": []},
             {"inspectorsPerEntity": 2, "sample": {"mode": "strata", "strata": {"D": {"basisPoints": 3000}, "C": {"count": 2}, "B": {"basisPoints": 200}, "A": {"basisPoints": 100}}}}, 3),
        case("conflicts", "One of 3 inspectors is recused from 10 of 15 entities, so the other two exceed the fair share; a repeated conflict and one outside the pool are ignored.",
             {"entities": crowded, "inspectors": staff, "conflicts": conflicts},
             {"inspectorsPerEntity": 2, "sample": {"mode": "count", "count": 9}}),
        case("contributions", "Five contributions; 20 % of 25 entities.",
             {"entities": many, "inspectors": inspectors(4, "contributions"), "conflicts": []},
             {"inspectorsPerEntity": 2, "sample": {"mode": "ratio", "basisPoints": 2000}}, 5),
        case("no-contributions", "The same draw with no contribution at all.",
             {"entities": many, "inspectors": inspectors(4, "contributions"), "conflicts": []},
             {"inspectorsPerEntity": 2, "sample": {"mode": "ratio", "basisPoints": 2000}}, 0),
        case("whole-pool", "The sample is the whole pool, and every inspector goes to every entity.",
             {"entities": entities(10, "whole"), "inspectors": inspectors(3, "whole"), "conflicts": []},
             {"inspectorsPerEntity": 3, "sample": {"mode": "count", "count": 10}}),
        case("pool-of-one", "A pool of one entity and two inspectors.",
             {"entities": entities(1, "one"), "inspectors": inspectors(2, "one"), "conflicts": []},
             {"inspectorsPerEntity": 2, "sample": {"mode": "ratio", "basisPoints": 1}}),
        case("exceeds-stratum", "Refused: 5 entities of class C asked, fewer in the pool.",
             {"entities": stratified, "inspectors": inspectors(8, "strata"), "conflicts": []},
             {"inspectorsPerEntity": 2, "sample": {"mode": "strata", "strata": {"C": {"count": len(few_c) + 1}}}}),
        case("recusal-infeasible", "Refused: an entity has only one inspector without a conflict.",
             {"entities": crowded, "inspectors": staff, "conflicts": [{"inspectorId": i["id"], "entityId": crowded_ids[3]} for i in staff[:2]]},
             {"inspectorsPerEntity": 2, "sample": {"mode": "count", "count": 1}}),
        case("too-few-inspectors", "Refused: 3 inspectors per entity, 2 in the pool.",
             {"entities": entities(4, "few"), "inspectors": inspectors(2, "few"), "conflicts": []},
             {"inspectorsPerEntity": 3, "sample": {"mode": "count", "count": 1}}),
        case("duplicate-id", "Refused: an entity id listed twice.",
             {"entities": entities(3, "dup") + entities(1, "dup"), "inspectors": inspectors(2, "dup"), "conflicts": []},
             {"inspectorsPerEntity": 2, "sample": {"mode": "count", "count": 1}}),
    ]
    json.dump({"algorithm": VERSION, "generatedBy": "docs/draw-algorithm/reference.py", "vectors": vectors}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
