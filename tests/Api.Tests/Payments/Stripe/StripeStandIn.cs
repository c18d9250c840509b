using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TicketMaster.Api.Tests.Payments.Stripe;

/// <summary>
/// A small, stateful Stripe on a free loopback port, answering the calls the adapter makes in
/// Stripe's documented shapes (form-encoded requests, JSON objects and errors, Idempotency-Key
/// replays) and delivering signed webhooks. It records every request it received, as the adapter sent it.
/// Payment methods behave like Stripe's test ones: <c>pm_card_visa</c>/<c>tok_visa</c> succeed,
/// <c>…chargeDeclined</c> declines, <c>…authenticationRequired</c>/<c>tok_threeDSecure2Required</c> need
/// 3-D Secure, <c>pm_standin_processing</c> stays processing.
/// </summary>
internal sealed partial class StripeStandIn : IAsyncDisposable
{
    public const string SecretKey = "sk_test_standin";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, StandInIntent> _intents = new();
    private readonly ConcurrentDictionary<string, Task<(int Status, string Body)>> _answered = new();
    private readonly ConcurrentQueue<StandInRequest> _requests = new();
    private readonly ConcurrentQueue<(string EventId, int Status)> _deliveries = new();
    private readonly HttpClient _webhookClient = new();
    private int _sequence;

    private StripeStandIn(WebApplication app)
    {
        _app = app;
        app.MapPost("/v1/payment_intents", context => AnswerOnceAsync(context, CreateIntentAsync));
        app.MapGet("/v1/payment_intents/search", SearchAsync);
        app.MapGet("/v1/payment_intents/{id}", GetIntentAsync);
        app.MapPost("/v1/refunds", context => AnswerOnceAsync(context, RefundAsync));
    }

    public Uri ApiBase => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Where signed events go; no URL, no deliveries.</summary>
    public Uri? WebhookUrl { get; set; }

    public string WebhookSecret { get; set; } = "whsec_standin";

    /// <summary>
    /// Delivers the PaymentIntent's event (and waits for the receiver) before answering the call that caused
    /// it, as Stripe may; otherwise a test delivers events itself with <see cref="DeliverAsync"/>, after the answer.
    /// </summary>
    public bool DeliversBeforeAnswering { get; set; }

    /// <summary>Stripe acts, then its answers take this long: longer than the client's timeout means the answer is lost.</summary>
    public TimeSpan AnswerDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How many of the next answers are lost (delayed past any client timeout); Stripe acts on them all the same.</summary>
    public int LoseNextAnswers { get; set; }

    /// <summary>How many of the next calls Stripe fails with a 500 <c>api_error</c> before acting.</summary>
    public int FailNextCalls { get; set; }

    public IReadOnlyList<StandInRequest> Requests => [.. _requests];

    /// <summary>Each webhook delivery and the status code the receiver answered.</summary>
    public IReadOnlyList<(string EventId, int Status)> Deliveries => [.. _deliveries];

    public int IntentCount => _intents.Count;

    public StandInIntent Intent(string id) => _intents[id];

    public StandInIntent IntentByKey(string idempotencyKey) => _intents.Values.Single(i => i.Metadata.Values.Contains(idempotencyKey));

    public static async Task<StripeStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var standIn = new StripeStandIn(builder.Build());
        await standIn._app.StartAsync();
        return standIn;
    }

    /// <summary>The customer completes 3-D Secure in the Stripe SDK: the intent succeeds and Stripe says so by webhook.</summary>
    public async Task CompleteAuthenticationAsync(string intentId)
    {
        var intent = _intents[intentId];
        intent.Status = "succeeded";
        await DeliverAsync("payment_intent.succeeded", intent.ToJson());
    }

    /// <summary>
    /// Someone refunds the whole charge in Stripe's dashboard: the intent's charge is refunded and
    /// Stripe says so by webhook (<c>charge.refunded</c>), never through our API. Returns the delivery's status code.
    /// </summary>
    public Task<int> RefundInDashboardAsync(string intentId)
    {
        var intent = _intents[intentId];
        intent.AmountRefunded = intent.Amount;
        return DeliverAsync("charge.refunded", intent.ChargeJson());
    }

    /// <summary>What Stripe kept: charged minus refunded over all intents, in minor units.</summary>
    public long Kept => _intents.Values.Where(i => i.Status == "succeeded").Sum(i => i.Amount - i.AmountRefunded);

    /// <summary>Signs and posts one event to <see cref="WebhookUrl"/>; returns the receiver's status code.</summary>
    public async Task<int> DeliverAsync(string type, JsonObject dataObject, string? eventId = null)
    {
        if (WebhookUrl is null)
        {
            return 0;
        }

        eventId ??= $"evt_{Interlocked.Increment(ref _sequence):D6}";
        var body = StandInEvents.Envelope(eventId, type, dataObject, DateTimeOffset.UtcNow);
        return await PostSignedAsync(eventId, body, StandInEvents.Signature(body, WebhookSecret, DateTimeOffset.UtcNow));
    }

    public async Task<int> PostSignedAsync(string eventId, string body, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        using var response = await _webhookClient.SendAsync(request);
        _deliveries.Enqueue((eventId, (int)response.StatusCode));
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _webhookClient.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>Stripe's idempotency: the first request under a key acts; later ones get its very answer.</summary>
    private async Task AnswerOnceAsync(HttpContext context, Func<IFormCollection, Task<(int Status, string Body)>> act)
    {
        if (context.Request.Headers.Authorization != $"Bearer {SecretKey}")
        {
            await WriteAsync(context, (401, StandInEvents.Error("authentication_error", "api_key_invalid", "Invalid API Key provided.")));
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        _requests.Enqueue(new StandInRequest(context.Request.Method, context.Request.Path, key,
            form.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value.ToString())));
        if (FailNextCalls > 0)
        {
            FailNextCalls--;
            await WriteAsync(context, (500, StandInEvents.Error("api_error", "internal", "An unknown error occurred on Stripe's servers.")));
            return;
        }

        var answer = await (key.Length == 0 ? act(form) : _answered.GetOrAdd($"{context.Request.Path}|{key}", _ => act(form)));
        var lost = LoseNextAnswers > 0;
        LoseNextAnswers -= lost ? 1 : 0;
        if (AnswerDelay > TimeSpan.Zero || lost)
        {
            // Simulates the answer being lost on the way back: the client gives up first.
            await Task.Delay(lost ? TimeSpan.FromMinutes(1) : AnswerDelay, context.RequestAborted);
        }

        await WriteAsync(context, answer);
    }

    private async Task<(int, string)> CreateIntentAsync(IFormCollection form)
    {
        var metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
            .ToDictionary(f => f.Key["metadata[".Length..^1], f => f.Value.ToString());
        var intent = new StandInIntent($"pi_standin{Interlocked.Increment(ref _sequence):D6}", long.Parse(form["amount"]!), form["currency"]!, metadata, form["description"]);
        _intents[intent.Id] = intent;
        var method = form["payment_method"].ToString() is { Length: > 0 } pm ? pm : form["payment_method_data[card][token]"].ToString();
        (intent.Status, intent.DeclineMessage) = method switch
        {
            _ when method.EndsWith("chargeDeclined", StringComparison.Ordinal) => ("requires_payment_method", "Your card was declined."),
            _ when method.EndsWith("authenticationRequired", StringComparison.Ordinal) || method == "tok_threeDSecure2Required" => ("requires_action", null),
            "pm_standin_processing" => ("processing", null),
            _ => ("succeeded", (string?)null),
        };

        var eventType = intent.Status switch
        {
            "succeeded" => "payment_intent.succeeded",
            "requires_action" => "payment_intent.requires_action",
            "processing" => "payment_intent.processing",
            _ => "payment_intent.payment_failed",
        };
        var answer = intent.DeclineMessage is { } declined
            ? (402, StandInEvents.Error("card_error", "card_declined", declined, intent.ToJson()))
            : (200, intent.ToJson().ToJsonString());
        if (DeliversBeforeAnswering)
        {
            await DeliverAsync(eventType, intent.ToJson());
        }

        return answer;
    }

    private async Task<(int, string)> RefundAsync(IFormCollection form)
    {
        if (!_intents.TryGetValue(form["payment_intent"].ToString(), out var intent) || intent.Status != "succeeded")
        {
            return (404, StandInEvents.Error("invalid_request_error", "resource_missing", $"No such payment_intent: '{form["payment_intent"]}'"));
        }

        var amount = form.ContainsKey("amount") ? long.Parse(form["amount"]!) : intent.Amount - intent.AmountRefunded;
        if (amount > intent.Amount - intent.AmountRefunded)
        {
            return (400, StandInEvents.Error("invalid_request_error", "charge_already_refunded", $"Charge {intent.ChargeId} has already been refunded."));
        }

        intent.AmountRefunded += amount;
        var refund = new JsonObject
        {
            ["id"] = $"re_standin{Interlocked.Increment(ref _sequence):D6}", ["object"] = "refund", ["amount"] = amount, ["currency"] = intent.Currency,
            ["payment_intent"] = intent.Id, ["charge"] = intent.ChargeId, ["status"] = "succeeded",
        };
        if (DeliversBeforeAnswering)
        {
            await DeliverAsync("charge.refunded", intent.ChargeJson());
        }

        return (200, refund.ToJsonString());
    }

    private async Task GetIntentAsync(HttpContext context, string id) =>
        await WriteAsync(context, _intents.TryGetValue(id, out var intent)
            ? (200, intent.ToJson().ToJsonString())
            : (404, StandInEvents.Error("invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'")));

    /// <summary>Only the query the adapter sends: <c>metadata['key']:'value'</c>.</summary>
    private async Task SearchAsync(HttpContext context)
    {
        _requests.Enqueue(new StandInRequest("GET", context.Request.Path, "", new Dictionary<string, string> { ["query"] = context.Request.Query["query"].ToString() }));
        var match = MetadataQuery().Match(context.Request.Query["query"].ToString());
        var found = _intents.Values.Where(i => match.Success && i.Metadata.TryGetValue(match.Groups[1].Value, out var value) && value == match.Groups[2].Value.Replace("\\'", "'", StringComparison.Ordinal));
        var result = new JsonObject
        {
            ["object"] = "search_result", ["url"] = "/v1/payment_intents/search", ["has_more"] = false, ["next_page"] = null,
            ["data"] = new JsonArray([.. found.Select(i => (JsonNode)i.ToJson())]),
        };
        await WriteAsync(context, (200, result.ToJsonString()));
    }

    private static async Task WriteAsync(HttpContext context, (int Status, string Body) answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body);
    }

    [GeneratedRegex(@"^metadata\['([^']+)'\]:'((?:[^'\\]|\\.)*)'$")]
    private static partial Regex MetadataQuery();
}

/// <summary>What the adapter sent: method, path, its Idempotency-Key header and the form fields, sorted.</summary>
internal sealed record StandInRequest(string Method, string Path, string IdempotencyKey, IReadOnlyDictionary<string, string> Form);
