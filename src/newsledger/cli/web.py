"""``newsledger serve``: the read-only web app and JSON API over a ledger."""

from __future__ import annotations

import typer

from newsledger.cli.app import DbOption, command, settings_for
from newsledger.errors import PrivateViewExposed

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@command()
def serve(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", help="Address to bind; the default reaches only this "
                                               "machine."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    public: bool = typer.Option(False, "--public", help="Serve the public edition: private "
                                "persons' names redacted, records' own quotes only; the only "
                                "view that may listen beyond this machine."),
) -> None:
    """Browse the ledger in a web browser (read-only pages with a JSON twin under /api)."""
    import uvicorn

    from newsledger.publish.web import create_app

    if not public and host not in LOCAL_HOSTS:
        raise PrivateViewExposed(f"the private view binds only to {', '.join(LOCAL_HOSTS)}, "
                                 f"not {host}; give --public to serve the redacted edition")
    target = settings_for(db).db
    web_app = create_app(target, public=public)
    reach = ("bound to 127.0.0.1: only this machine can connect" if host in LOCAL_HOSTS
             else f"bound to {host}: other machines can connect")
    shown = f"[{host}]" if ":" in host else host
    edition = "the public edition of" if public else "the private view of"
    typer.echo(f"Serving {edition} {target} read-only ({reach}).")
    typer.echo(f"Open http://{shown}:{port}/   (JSON API under /api/, Ctrl+C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
