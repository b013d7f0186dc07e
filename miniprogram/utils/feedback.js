// 👍/👎 under knowledge answers (issue 13, docs/closed_loop_api.md "Answer feedback"). The action server sends
// each knowledge answer's text followed by a custom payload {sources, answer_feedback: {question, status}}; the
// chat shows 👍/👎 under that text and posts the vote with the question, the answer and its source. Pure
// functions, no browser or WeChat API, so the same file serves the mini program (require) and the H5 page
// (window.AnswerFeedback), like outbox.js.
(function (root, factory) {
  const feedback = factory();
  if (typeof module === "object" && module && module.exports) module.exports = feedback;
  else root.AnswerFeedback = feedback;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const THANKS = "感谢反馈！";
  const REASON_PROMPT = "没帮到我，因为…（可不填）";
  let counter = 0;

  // The source a vote is about: the answer's first source, as {kind, id, title}; null when there is none.
  function sourceOf(sources) {
    const first = Array.isArray(sources) && sources.length ? sources[0] : null;
    if (!first) return null;
    return { kind: first.kind || "", id: first.id || "", title: first.section || first.document || first.title || "" };
  }

  // The replies of one turn that are shown, a knowledge answer's text carrying `feedback` (what a vote needs).
  // `question` is what the user sent; the payload's own question wins (the same text, normalised by the bot).
  function attach(replies, question) {
    const shown = [];
    for (const reply of Array.isArray(replies) ? replies : []) {
      const custom = reply && reply.custom;
      if (custom && custom.answer_feedback) {
        const answered = shown[shown.length - 1];
        if (answered && answered.text) {
          counter += 1;
          answered.feedback = {
            messageId: `m-${Date.now()}-${counter}`,
            question: custom.answer_feedback.question || question || "",
            source: sourceOf(custom.sources),
            sent: false,
          };
        }
        continue;
      }
      if (reply && (reply.text || reply.image || (Array.isArray(reply.buttons) && reply.buttons.length))) {
        shown.push({ ...reply });
      }
    }
    return shown;
  }

  // The body of POST /api/v1/feedback/answers for a vote on `answer` (the bot's text).
  function body(feedback, answer, helpful, reason) {
    const data = {
      message_id: feedback.messageId,
      helpful: Boolean(helpful),
      question: String(feedback.question || "").slice(0, 2000),
      answer: String(answer || "").slice(0, 4000),
      channel: "miniprogram",
    };
    const why = String(reason || "").trim();
    if (!helpful && why) data.reason = why.slice(0, 500);
    if (feedback.source) data.source = feedback.source;
    return data;
  }

  return { THANKS, REASON_PROMPT, sourceOf, attach, body };
});
