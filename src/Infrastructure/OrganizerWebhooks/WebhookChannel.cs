using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Notifications;
using TicketMaster.Persistence;

namespace TicketMaster.OrganizerWebhooks;

/// <summary>
/// POSTs a delivery's body to its endpoint, signed Stripe-style:
/// <c>TicketMaster-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" keyed by the secret&gt;</c>.
/// <c>TicketMaster-Delivery</c> carries the delivery id, the same on every attempt, so a receiver can
/// drop repeats. Any answer but 2xx (a redirect included) is a failure the pipeline retries.
/// </summary>
internal sealed class WebhookChannel(TicketMasterDbContext db, HttpClient http, TimeProvider clock) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Webhook;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var endpointId = WebhookEndpoint.EndpointOf(notification.Subject);
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == endpointId, cancellationToken)
            ?? throw new InvalidOperationException("The endpoint was removed.");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(notification.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("TicketMaster-Signature", $"t={timestamp},v1={Sign(endpoint.Secret, timestamp, notification.Body)}");
        request.Headers.Add("TicketMaster-Delivery", notification.Id.ToString("N"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("TicketMaster-Webhooks", "1"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>
    /// The client every delivery uses: no redirects (a receiver could bounce us into the private
    /// network), a timeout, and unless local targets are allowed, a connect check on the address the
    /// name resolved to, so DNS cannot smuggle a private target past the check made when it was added.
    /// </summary>
    public static HttpClient CreateClient(WebhookOptions options)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false };
        if (!options.AllowLocalTargets)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var addresses = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                var address = addresses.FirstOrDefault(a => !AddWebhookEndpoint.IsPrivate(a))
                    ?? throw new HttpRequestException("The webhook host resolves into a private network.");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return new HttpClient(handler) { Timeout = options.Timeout };
    }
}
