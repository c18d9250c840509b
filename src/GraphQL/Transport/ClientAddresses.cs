using System.Net;

namespace TicketMaster.GraphQL.Transport;

/// <summary>The one rule for "the same client" that every per-address limit counts by.</summary>
public static class ClientAddresses
{
    /// <summary>An IPv4 address as is; an IPv6 client owns a whole /64, so that is one client here.</summary>
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
