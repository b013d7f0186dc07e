// Issue 15 (docs/offers_and_bookings.md): 免申即享 offers the service found for the logged-in user, confirmed in
// one step, and after the licence the seal and bank bookings of an application. The service decides everything:
// who is identified, what is offered, which providers are near the premises and what each receives.
const config = require("../config");
const api = require("./api");

const BASE = () => `${config.serviceBaseUrl}/api/v1`;
const JSON_HEADER = { "Content-Type": "application/json" };

// [{ item, name, reason, needs: ["bank_account"]?, offered_at }]; empty for a user who is not real-name identified.
async function offers() {
  const body = await api.authorized({ url: `${BASE()}/me/offers`, method: "GET" });
  return body.offers;
}

// Files every open offer as one application; the subsidy needs the business's bank account.
function confirmOffers(bankAccount) {
  const data = bankAccount ? { bank_account: bankAccount } : {};
  return api.authorized({ url: `${BASE()}/me/offers/confirm`, method: "POST", header: JSON_HEADER, data });
}

// { number, available, note, kinds: [{ kind, label, provider_label, passed_fields, providers, booking, cancelled }] }
function bookings(number) {
  return api.authorized({ url: `${BASE()}/applications/${encodeURIComponent(number)}/bookings`, method: "GET" });
}

function book(number, kind, provider) {
  const url = `${BASE()}/applications/${encodeURIComponent(number)}/bookings`;
  return api.authorized({ url, method: "POST", header: JSON_HEADER, data: { kind, provider } });
}

// The service tells the provider, then keeps the booking as cancelled (kind.cancelled) until it is booked again.
function cancelBooking(number, kind) {
  const url = `${BASE()}/applications/${encodeURIComponent(number)}/bookings/${encodeURIComponent(kind)}`;
  return api.authorized({ url, method: "DELETE" });
}

module.exports = { offers, confirmOffers, bookings, book, cancelBooking };
