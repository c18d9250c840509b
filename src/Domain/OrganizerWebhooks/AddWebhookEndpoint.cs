using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using TicketMaster.Persistence;

namespace TicketMaster.OrganizerWebhooks;

/// <summary>Adds an endpoint to an event (its organizer or an admin; the policy checked that).</summary>
public sealed class AddWebhookEndpoint(TicketMasterDbContext db, WebhookOptions options, TimeProvider clock)
{
    public async Task<WebhookEndpoint> ExecuteAsync(int callerId, int eventId, string url, IReadOnlyCollection<WebhookEventType> types, CancellationToken cancellationToken)
    {
        var target = Check(url, options.AllowLocalTargets);
        if (types.Count == 0)
        {
            throw new WebhookEventTypesMissingException();
        }

        if (types.Count > Enum.GetValues<WebhookEventType>().Length)
        {
            throw new Common.InvalidFieldException("events", "must name each event type at most once");
        }

        if (await db.WebhookEndpoints.CountAsync(e => e.EventId == eventId, cancellationToken) >= options.MaxEndpointsPerEvent)
        {
            throw new TooManyWebhookEndpointsException(options.MaxEndpointsPerEvent);
        }

        var endpoint = WebhookEndpoint.Add(eventId, callerId, target, types, clock.GetUtcNow().UtcDateTime);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return endpoint;
    }

    /// <summary>
    /// The address rule, checked when added. A host name that resolves into a private network is
    /// caught again when delivering (the name may change its answer), by the channel's connect check.
    /// </summary>
    public static Uri Check(string url, bool allowLocal)
    {
        if (url.Length > WebhookEndpoint.MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new WebhookUrlRefusedException(url, $"must be an absolute https URL of at most {WebhookEndpoint.MaxUrlLength} characters");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new WebhookUrlRefusedException(url, "must not carry credentials");
        }

        if (allowLocal)
        {
            return uri;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new WebhookUrlRefusedException(url, "must use https");
        }

        if (uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && IsPrivate(address)))
        {
            throw new WebhookUrlRefusedException(url, "points into a private network");
        }

        return uri;
    }

    /// <summary>Loopback, private (RFC 1918, unique local), link-local, carrier-grade NAT, unspecified.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }
}
