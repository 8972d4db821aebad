from server_testkit import login


def test_health_and_login(client):
    assert client.get("/health").json()["status"] == "ok"
    headers = login(client, "ada")
    assert client.get("/auth/me", headers=headers).json()["user"]["username"] == "ada"
