"""Starts llama-cpp-python's OpenAI-compatible server with one more chat format, chatml-function-calling-capped:
the library's own chatml-function-calling, with the request's max_tokens honoured over the whole answer.

Why: in llama-cpp-python 0.3.36, llama_chat_format.chatml_function_calling honours max_tokens only without tools
and for a named tool_choice. With tool_choice "auto" (what Nightshift sends whenever it offers tools) it writes a
tool call's arguments, the choice of a further call, and a plain message with max_tokens=None, and llama.cpp reads
None as "until the context window is full". A small model that never closes a string in its arguments then writes
to the end of the window: the server either refuses the call's next step (HTTP 400, context length) or returns an
answer that leaves no room for the next prompt.

The fix wraps the library's handler rather than copying it: the handler gets a stand-in for the model whose
completions all draw from one budget of the request's max_tokens. A completion asked for with no limit, or with more
than is left, gets what is left; once nothing is left, the handler's next completion (the choice of a further tool
call) is answered with an empty text without running the model, which ends the answer. An answer cut this way says
finish_reason "length", as OpenAI does. Its usage counts the prompt once, as the model first read it, and every token
the model wrote (the library sums the prompts and the written tokens of the argument completions only, so an answer
cut before its arguments reported 0 and 0). A request without max_tokens keeps the library's behaviour.

Usage (the runtime starts it this way; the arguments are llama_cpp.server's own):
    python nightshift_llama_server.py --model M --chat_format chatml-function-calling-capped ...
"""

import sys
import time

from llama_cpp import llama_chat_format
from llama_cpp.server.__main__ import main as server_main

CAPPED_FORMAT = "chatml-function-calling-capped"


class TokenBudget:
    """What one chat completion may still generate, and whether a completion ran into the limit."""

    def __init__(self, max_tokens):
        self.remaining = max_tokens
        self.spent = 0
        self.cut = False
        self.prompt = 0  # the prompt tokens of the answer's first completion: the conversation as rendered

    def grant(self, asked):
        """The max_tokens a completion gets: what it asked for, but never more than what is left."""
        if asked is None or asked <= 0 or asked > self.remaining:
            return self.remaining
        return asked

    def charge(self, completion):
        if self.prompt == 0:
            self.prompt = completion.get("usage", {}).get("prompt_tokens", 0)
        used = completion.get("usage", {}).get("completion_tokens", 0)
        self.spent += used
        self.remaining -= used
        # "length": stopped by the tokens it was granted (or by the window, which the library caps them to)
        if completion["choices"][0].get("finish_reason") == "length":
            self.cut = True


class BudgetedLlama:
    """Stands in for the Llama the handler gets: every completion it asks for draws from one TokenBudget."""

    def __init__(self, llama, budget):
        self._llama = llama
        self._budget = budget

    def __getattr__(self, name):
        return getattr(self._llama, name)

    def create_completion(self, *args, **kwargs):
        if self._budget.remaining <= 0:
            self._budget.cut = True
            return nothing_left(self._llama, kwargs.get("stream", False))
        kwargs["max_tokens"] = self._budget.grant(kwargs.get("max_tokens"))
        completion = self._llama.create_completion(*args, **kwargs)
        if kwargs.get("stream", False):
            return completion  # a stream is always the answer's last completion: nothing follows to charge
        self._budget.charge(completion)
        return completion


def nothing_left(llama, stream):
    """An empty completion, in the shape create_completion returns, for a step the budget has no tokens for."""
    choice = {"text": "", "index": 0, "logprobs": None, "finish_reason": "length"}
    completion = {
        "id": "cmpl-budget-spent",
        "object": "text_completion",
        "created": int(time.time()),
        "model": llama.model_path,
        "choices": [choice],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }
    return iter([completion]) if stream else completion


@llama_chat_format.register_chat_completion_handler(CAPPED_FORMAT)
def chatml_function_calling_capped(llama, max_tokens=None, **kwargs):
    """llama_chat_format.chatml_function_calling, with max_tokens honoured over the whole answer."""
    if max_tokens is None or max_tokens <= 0:
        return llama_chat_format.chatml_function_calling(llama=llama, max_tokens=max_tokens, **kwargs)
    budget = TokenBudget(max_tokens)
    answer = llama_chat_format.chatml_function_calling(
        llama=BudgetedLlama(llama, budget), max_tokens=max_tokens, **kwargs
    )
    if isinstance(answer, dict):
        if budget.cut:
            answer["choices"][0]["finish_reason"] = "length"
        answer["usage"] = {
            "prompt_tokens": budget.prompt,
            "completion_tokens": budget.spent,
            "total_tokens": budget.prompt + budget.spent,
        }
    return answer


if __name__ == "__main__":
    sys.exit(server_main())
