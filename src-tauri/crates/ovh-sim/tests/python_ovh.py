"""The official python client (pip install ovh), unchanged, against the simulator.

Run by tests/python_client.rs with SIM_URL, AK, AS, CK in the environment. The simulator is
registered as an extra endpoint name, which is configuration, not a change to the client.
"""
import os
import sys

import ovh
import ovh.client
from ovh.exceptions import (
    BadParametersError,
    InvalidCredential,
    InvalidKey,
    NotGrantedCall,
    ResourceNotFoundError,
)

url, ak, as_, ck, cid, csecret = (os.environ[k] for k in ("SIM_URL", "AK", "AS", "CK", "CLIENT_ID", "CLIENT_SECRET"))
ovh.client.ENDPOINTS["backup-desk-sim"] = url
ovh.client.OAUTH2_TOKEN_URLS["backup-desk-sim"] = url.rsplit("/1.0", 1)[0] + "/auth/oauth2/token"
# The simulator speaks plain HTTP on loopback; oauthlib otherwise insists on HTTPS.
os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
checks = 0


def check(cond, what):
    global checks
    if not cond:
        print("FAILED:", what)
        sys.exit(1)
    checks += 1


def expect(exc, fn, what):
    try:
        fn()
    except exc as e:
        check(True, what)
        return e
    print("FAILED: expected", exc.__name__, "for", what)
    sys.exit(1)


client = ovh.Client(endpoint="backup-desk-sim", application_key=ak, application_secret=as_, consumer_key=ck)
projects = client.get("/cloud/project")
check(len(projects) == 2, "signed GET works")
p = projects[0]
check(client.get(f"/cloud/project/{p}")["description"] == "Acme Production", "project detail")
gra = client.get(f"/cloud/project/{p}/instance", region="GRA11")
check(gra and all(i["region"] == "GRA11" for i in gra), "query string is signed and honoured")
wfs = client.get(f"/cloud/project/{p}/region/SBG5/workflow/backup")
check(any(e["state"] == "ERROR" for w in wfs for e in (w["executions"] or [])), "workflow history")
# The control panel's bulk read: full objects in pages, the headers outside the signature.
bulk = {"X-Pagination-Mode": "CachedObjectList-Pages", "X-Pagination-Size": "1", "X-Pagination-Number": "2"}
r = client.raw_call("GET", "/cloud/project", headers=bulk)
check(r.status_code == 200, "bulk read signed as any GET")
check(r.headers.get("X-Pagination-Elements") == "2", "bulk read total")
check([x["description"] for x in r.json()] == ["Acme Staging"], "bulk read page 2 of size 1")
r = client.raw_call("GET", f"/cloud/project/{p}/region", headers={"X-Pagination-Mode": "CachedObjectList-Pages"})
check(all("services" in x for x in r.json()) and len(r.json()) == len(client.get(f"/cloud/project/{p}/region")), "regions as objects")
mail = next(i for i in client.get(f"/cloud/project/{p}/instance") if i["name"] == "mail-gateway")
made = client.post(f"/cloud/project/{p}/instance/{mail['id']}/snapshot", snapshotName="from python")
check(made.get("snapshotId"), "snapshot POST with a signed JSON body")
check(client.get(f"/cloud/project/{p}/snapshot/{made['snapshotId']}")["status"] in ("queued", "saving"), "backup in progress")
expect(ResourceNotFoundError, lambda: client.get(f"/cloud/project/{p}/snapshot/nope"), "404 mapped")
expect(BadParametersError, lambda: client.post(f"/cloud/project/{p}/instance/{mail['id']}/snapshot"), "400 on missing body")
# Volumes and their snapshots (issue 20): an attached volume's snapshot, read back, and
# refused deletion while it is still being made.
vols = client.get(f"/cloud/project/{p}/volume", region="SBG5")
data = next(v for v in vols if v["name"] == "db-data")
check(data["status"] == "in-use" and data["attachedTo"] and data["size"] == 200, "attached volume")
vs = client.post(f"/cloud/project/{p}/volume/{data['id']}/snapshot", name="from python", description="")
check(vs["status"] == "creating" and vs["volumeId"] == data["id"], "volume snapshot POST")
check(any(x["id"] == vs["id"] for x in client.get(f"/cloud/project/{p}/volume/snapshot", region="SBG5")), "volume snapshot listed")
check(client.get(f"/cloud/project/{p}/volume/snapshot/{vs['id']}")["name"] == "from python", "volume snapshot read")
expect(BadParametersError, lambda: client.delete(f"/cloud/project/{p}/volume/snapshot/{vs['id']}"), "no delete while creating")
expect(ResourceNotFoundError, lambda: client.post(f"/cloud/project/{p}/volume/nope/snapshot", name="x"), "unknown volume")
expect(BadParametersError, lambda: client.post(f"/cloud/project/{p}/region/SBG5/volume", name="from python", size=200, type="classic", snapshotId=vs["id"]), "no volume from a snapshot still being made")
expect(ResourceNotFoundError, lambda: client.post(f"/cloud/project/{p}/volume/nope/attach", instanceId=mail["id"]), "attach an unknown volume")
wal = next(v for v in vols if v["name"] == "db-wal")
expect(BadParametersError, lambda: client.post(f"/cloud/project/{p}/volume/{wal['id']}/detach", instanceId=mail["id"]), "detach from another instance")
gone = client.post(f"/cloud/project/{p}/volume/{wal['id']}/detach", instanceId=wal["attachedTo"][0])
check(gone["status"] == "detaching" and gone["attachedTo"] == [], "volume detach POST")
expect(BadParametersError, lambda: client.post(f"/cloud/project/{p}/volume/{wal['id']}/attach", instanceId=wal["attachedTo"][0]), "no attach while detaching")

bad_secret = ovh.Client(endpoint="backup-desk-sim", application_key=ak, application_secret="wrong", consumer_key=ck)
e = expect(BadParametersError, lambda: bad_secret.get("/cloud/project"), "bad signature refused")
check("Invalid signature" in str(e), "OVH's message for a bad signature")
expect(InvalidKey, lambda: ovh.Client(endpoint="backup-desk-sim", application_key="nope", application_secret=as_, consumer_key=ck).get("/cloud/project"), "unknown application key")
expect(InvalidCredential, lambda: ovh.Client(endpoint="backup-desk-sim", application_key=ak, application_secret=as_, consumer_key="nope").get("/cloud/project"), "unknown consumer key")

req = client.new_consumer_key_request()
req.add_rules(ovh.API_READ_ONLY, "/cloud/project")
pending = req.request()
check(pending["state"] == "pendingValidation" and "credentialToken=" in pending["validationUrl"], "consumer key request")
fresh = ovh.Client(endpoint="backup-desk-sim", application_key=ak, application_secret=as_, consumer_key=pending["consumerKey"])
expect(InvalidCredential, lambda: fresh.get("/cloud/project"), "unvalidated consumer key")

skewed = ovh.Client(endpoint="backup-desk-sim", application_key=ak, application_secret=as_, consumer_key=ck)
skewed._time_delta = -900
expect(BadParametersError, lambda: skewed.get("/cloud/project"), "timestamp outside the window")
service = ovh.Client(endpoint="backup-desk-sim", client_id=cid, client_secret=csecret)
check(len(service.get("/cloud/project")) == 2, "OAuth2 service account: token fetched, bearer call")
check(service.get("/auth/details")["method"] == "oauth2_client_credentials", "OAuth2 identity")

print(f"python-ovh {ovh.__version__ if hasattr(ovh, '__version__') else ''}: {checks} checks passed")
