"""Signs in to the Entra Shell emulator with MSAL Python and calls Graph with requests.

Also signs in at the v1.0 token endpoint with requests alone.

A client this project did not write, checking that the emulator behaves as Entra ID and Graph do
for it. Run by MsalPythonConformanceTest, which starts the emulator and passes, in the
environment: EMULATOR_AUTHORITY (https://host:port/tenant), EMULATOR_GRAPH (https://host:port),
EMULATOR_CA (the CA file to trust), EMULATOR_CLIENT_ID, EMULATOR_CLIENT_SECRET,
EMULATOR_CERTIFICATE and EMULATOR_PRIVATE_KEY (PEM files) and EMULATOR_THUMBPRINT (SHA-1, hex).
Secrets come through the environment, never the command line, which other users can read.

Prints one JSON object: for each case, what MSAL returned (error codes, token claims) and what
Graph answered. Exits 0 when every case went as Entra would have it, 1 otherwise; the test
asserts on the JSON as well, so a failure names the case.
"""
import base64
import json
import os
import sys

import msal
import requests

GRAPH_SCOPE = ["https://graph.microsoft.com/.default"]


def claims(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def application(credential):
    # validate_authority=False: the emulator's host is not one Microsoft's instance discovery knows,
    # so MSAL reads the tenant's v2.0 discovery document from the emulator itself.
    return msal.ConfidentialClientApplication(
        os.environ["EMULATOR_CLIENT_ID"],
        client_credential=credential,
        authority=os.environ["EMULATOR_AUTHORITY"],
        validate_authority=False,
        verify=os.environ["EMULATOR_CA"],
        timeout=30,
    )


def sign_in(credential):
    result = application(credential).acquire_token_for_client(scopes=GRAPH_SCOPE)
    if "access_token" not in result:
        return {
            "signed_in": False,
            "error": result.get("error"),
            "error_codes": result.get("error_codes"),
            "error_description": result.get("error_description", "").splitlines()[0],
        }
    token = result["access_token"]
    graph = call_graph(token)
    token_claims = claims(token)
    return {
        "signed_in": True,
        "appid": token_claims.get("appid"),
        "appidacr": token_claims.get("appidacr"),
        "graph_status": graph.status_code,
        "organizations": len(graph.json().get("value", [])) if graph.ok else 0,
    }


def call_graph(token):
    return requests.get(
        os.environ["EMULATOR_GRAPH"] + "/v1.0/organization",
        headers={"Authorization": "Bearer " + token},
        verify=os.environ["EMULATOR_CA"],
        timeout=30,
    )


def v1_sign_in(secret):
    """The v1.0 endpoint, as ADAL-era clients call it: resource= instead of scope=."""
    answer = requests.post(
        os.environ["EMULATOR_AUTHORITY"] + "/oauth2/token",
        data={
            "grant_type": "client_credentials",
            "client_id": os.environ["EMULATOR_CLIENT_ID"],
            "client_secret": secret,
            "resource": "https://graph.microsoft.com",
        },
        verify=os.environ["EMULATOR_CA"],
        timeout=30,
    )
    body = answer.json()
    if answer.status_code != 200:
        return {"signed_in": False, "status": answer.status_code, "error_codes": body.get("error_codes")}
    return {
        "signed_in": True,
        "expires_in": body.get("expires_in"),
        "graph_status": call_graph(body["access_token"]).status_code,
    }


def read(name):
    with open(os.environ[name], encoding="ascii") as file:
        return file.read()


def main():
    # requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a Session's verify= (psf/requests
    # issue 3829), which is how MSAL passes its verify=; without this, the CA would be ignored.
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        os.environ.pop(name, None)
    certificate = {
        "private_key": read("EMULATOR_PRIVATE_KEY"),
        "thumbprint": os.environ["EMULATOR_THUMBPRINT"],
    }
    with_chain = dict(certificate, public_certificate=read("EMULATOR_CERTIFICATE"))
    results = {
        "msal_version": msal.__version__,
        "certificate": sign_in(certificate),
        "certificate_with_x5c": sign_in(with_chain),
        "secret": sign_in(os.environ["EMULATOR_CLIENT_SECRET"]),
        "wrong_secret": sign_in("not-the-secret"),
        "v1_secret": v1_sign_in(os.environ["EMULATOR_CLIENT_SECRET"]),
    }
    expected = (
        results["certificate"].get("graph_status") == 200
        and results["certificate_with_x5c"].get("graph_status") == 200
        and results["secret"].get("graph_status") == 200
        and results["wrong_secret"].get("error_codes") == [7000215]
        and results["v1_secret"].get("graph_status") == 200
    )
    print(json.dumps(results, indent=2))
    return 0 if expected else 1


if __name__ == "__main__":
    sys.exit(main())
