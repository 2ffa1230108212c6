import json
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from assistant.api.deps import CallerDep, ServiceDep
from assistant.api.schemas import ChatRequest, errors
from assistant.services.schemas import AnswerOut

router = APIRouter(prefix="/v1", tags=["chat"])


@router.post(
    "/chat",
    response_model=AnswerOut,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "JSON, or SSE when stream=true"},
        **errors(400, 403, 503, say={403: "A follow-up names a person of the previous answer the caller may no longer see."}),
    },
)
def chat(body: ChatRequest, service: ServiceDep, caller: CallerDep):  # type: ignore[no-untyped-def]
    """A grounded answer in the asker's language. The decision stays with the PPK.

    With ``stream=true`` the answer arrives as server-sent events, the facts first:

    - ``candidates``: the ranked result (candidates with reasons and evidence, or the count, list or
      groups of a structured question), as soon as it is computed;
    - ``facts``: the same as text, built by code (no model);
    - ``token`` (zero or more): the language model's short note beside the list, one sentence per
      event, each shown only after it passed the faithfulness check (people, ranks, numbers, cells,
      SKP predicates and every other claim supported by the candidates' records; the answer's
      language; no prompt scaffolding);
    - ``dropped`` (optional): how many sentences of the note failed the check and why (never their text);
    - ``done``: the whole ``AnswerOut`` (``facts``, ``note``, ``note_status``, ``note_dropped``).

    A slow or failing model never delays or removes the facts (``note_status`` = ``unavailable``)."""
    if not body.stream:
        return service.answer(caller, body.message, body.conversation_id, limit=body.limit)

    def events() -> Iterator[str]:
        for event in service.stream_answer(caller, body.message, body.conversation_id, limit=body.limit):
            data = event["data"]
            payload = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
            yield f"event: {event['event']}\ndata: {json.dumps(payload, ensure_ascii=False)}\n\n"

    return StreamingResponse(events(), media_type="text/event-stream")
