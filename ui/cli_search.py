"""`policy-assistant index | search`: build the index and query it."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.presenter import hit_json as hit_record
from ui.console import (
    BatchOpt,
    JsonFlag,
    as_text,
    configured,
    console,
    fail,
    print_json,
    progress_bar,
    run_batch,
)

LangOpt = Annotated[str, typer.Option("--lang", help="kk, ru, en or auto (detect).")]


def index(
    write_seed: Annotated[
        bool,
        typer.Option(
            "--write-seed",
            help="Also rewrite the shipped vectors (indexing/seed/) after the corpus changed.",
        ),
    ] = False,
    json_out: JsonFlag = False,
) -> None:
    """Build or update the search index (incremental: unchanged clauses are not re-embedded)."""
    from indexing.build import build_index, write_corpus_seed
    from indexing.errors import IndexUnavailable

    settings = configured(json_out).index()
    if write_seed:
        with console.status("writing the seed (embeds what the cache lacks)"):
            path, count = write_corpus_seed(settings)
        if not json_out:
            console.print(f"seed: {count} vectors in {path}")
    try:
        with progress_bar("embedding clauses", enabled=not json_out) as advance:
            stats = build_index(settings, progress=advance)
    except IndexUnavailable as exc:
        fail(str(exc), json_out=json_out, kind="index_unavailable")
    if json_out:
        print_json(stats.as_dict())
    else:
        console.print(
            f"index ready: {stats.points} points ({stats.added} added, {stats.updated} updated, "
            f"{stats.deleted} deleted, {stats.unchanged} unchanged; {stats.embedded} embedded) "
            f"in {stats.seconds:.1f} s"
        )


def open_retriever(json_out: bool):
    """The saved copy of the live index when a build left one (no Qdrant to open: fast,
    and usable while `serve` holds the embedded store), else the index itself."""
    from indexing.errors import IndexUnavailable
    from indexing.replica import current_replica, open_replica
    from indexing.search import Retriever

    settings = configured(json_out).index()
    copy = current_replica(settings)
    if copy is not None:
        try:
            return Retriever(settings, snapshot=open_replica(copy))
        except IndexUnavailable:
            pass  # unreadable: the index itself serves, and its next build rewrites the copy
    from indexing.build import ensure_index

    try:
        with progress_bar("building the index (first use)", enabled=not json_out) as advance:
            client = ensure_index(settings, progress=advance)
        return Retriever(settings, client=client)
    except IndexUnavailable as exc:
        fail(str(exc), json_out=json_out, kind="index_unavailable")


def search(
    query: Annotated[str | None, typer.Argument(help="The question or keywords.")] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="Number of hits.")] = 5,
    lang: LangOpt = "auto",
    batch: BatchOpt = None,
    json_out: JsonFlag = False,
) -> None:
    """Hybrid search over the policy in kk / ru / en."""
    from indexing.validation import QueryError, check_query

    if (query is None) == (batch is None):
        fail("give a QUERY or --batch FILE (not both)", code=2, json_out=json_out, kind="usage")
    retriever = open_retriever(json_out)
    wanted = None if lang == "auto" else lang
    if batch is not None:

        def answer(row: dict) -> dict:
            result = retriever.search(check_query(as_text(row["question"])), k=k, lang=wanted)
            return {"lang": result.lang, "hits": [hit_record(h, result.lang) for h in result.hits]}

        run_batch(batch, answer, (QueryError,), json_out)
        return
    try:
        result = retriever.search(check_query(as_text(query)), k=k, lang=wanted)
    except QueryError as exc:
        fail(str(exc), code=2, json_out=json_out, kind="invalid_query")
    hits = [hit_record(h, result.lang) for h in result.hits]
    if json_out:
        print_json({"query": result.query, "lang": result.lang, "hits": hits})
        return
    console.print(f"[bold]{result.query}[/bold]  (language: {result.lang})")
    for rank, hit in enumerate(hits, start=1):
        console.print(
            f"\n{rank}. §{hit['clause_id']}  {hit['section_title']}  [{hit['score']:.3f}]"
        )
        console.print(hit["text"][result.lang])
        if result.lang != "kk":
            console.print(f"[dim]kk (official): {hit['text']['kk']}[/dim]")
