// Where the mini program finds the assistant. Both hosts must be listed as request domains (request合法域名)
// in the mini program's admin console and served over HTTPS in production.
module.exports = {
  // The bundle service: POST /api/v1/auth/wechat-login, GET /api/v1/me/applications,
  // GET /api/v1/conversations/{id}/messages (staff replies after a handoff)
  serviceBaseUrl: "https://assistant.example.gov.cn",
  // The Rasa server's mini-program channel: POST /webhooks/miniprogram/webhook
  chatWebhookUrl: "https://assistant.example.gov.cn/webhooks/miniprogram/webhook",
};
