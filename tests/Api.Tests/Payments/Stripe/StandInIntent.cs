using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>A PaymentIntent as the stand-in keeps it, rendered in Stripe's documented JSON shape.</summary>
internal sealed class StandInIntent(string id, long amount, string currency, IReadOnlyDictionary<string, string> metadata, string? description)
{
    public string Id { get; } = id;

    public long Amount { get; } = amount;

    public string Currency { get; } = currency;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

    public string Status { get; set; } = "processing";

    public string? DeclineMessage { get; set; }

    public long AmountRefunded { get; set; }

    public string ChargeId => Id.Replace("pi_", "ch_", StringComparison.Ordinal);

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "payment_intent",
        ["amount"] = Amount,
        ["amount_received"] = Status == "succeeded" ? Amount : 0,
        ["currency"] = Currency,
        ["status"] = Status,
        ["client_secret"] = $"{Id}_secret_standin",
        ["description"] = Description,
        ["metadata"] = MetadataJson(),
        ["latest_charge"] = Status == "succeeded" ? ChargeId : null,
        ["last_payment_error"] = DeclineMessage is null ? null : new JsonObject { ["type"] = "card_error", ["code"] = "card_declined", ["message"] = DeclineMessage },
        ["next_action"] = Status == "requires_action" ? new JsonObject { ["type"] = "use_stripe_sdk", ["use_stripe_sdk"] = new JsonObject() } : null,
        ["livemode"] = false,
    };

    public JsonObject ChargeJson() => new()
    {
        ["id"] = ChargeId,
        ["object"] = "charge",
        ["amount"] = Amount,
        ["amount_refunded"] = AmountRefunded,
        ["currency"] = Currency,
        ["payment_intent"] = Id,
        ["refunded"] = AmountRefunded == Amount,
        ["status"] = "succeeded",
        // Stripe copies the PaymentIntent's metadata onto the charges it makes.
        ["metadata"] = MetadataJson(),
    };

    private string? Description { get; } = description;

    private JsonObject MetadataJson() => new(Metadata.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));
}

/// <summary>Stripe's webhook envelope and its signature, written from Stripe's docs, not by the library under test.</summary>
internal static class StandInEvents
{
    public static string Envelope(string eventId, string type, JsonObject dataObject, DateTimeOffset created) => new JsonObject
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = "2024-06-20",
        ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = dataObject },
    }.ToJsonString();

    /// <summary><c>t=…,v1=…</c>: an HMAC-SHA256 of "timestamp.body" with the endpoint's secret.</summary>
    public static string Signature(string body, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    public static string Error(string type, string code, string message, JsonObject? intent = null) => new JsonObject
    {
        ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message, ["payment_intent"] = intent },
    }.ToJsonString(new JsonSerializerOptions());
}
