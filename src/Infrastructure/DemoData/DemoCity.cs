namespace TicketMaster.DemoData;

internal sealed record DemoCity(string Name, string Country, double Latitude, double Longitude, string TimeZone, string Currency)
{
    /// <summary>Cities in the order the generator takes them; small data uses the first eight.</summary>
    public static readonly IReadOnlyList<DemoCity> All =
    [
        new("London", "GB", 51.5074, -0.1278, "Europe/London", "GBP"),
        new("New York", "US", 40.7128, -74.0060, "America/New_York", "USD"),
        new("Berlin", "DE", 52.5200, 13.4050, "Europe/Berlin", "EUR"),
        new("Chicago", "US", 41.8781, -87.6298, "America/Chicago", "USD"),
        new("Paris", "FR", 48.8566, 2.3522, "Europe/Paris", "EUR"),
        new("Toronto", "CA", 43.6532, -79.3832, "America/Toronto", "CAD"),
        new("Austin", "US", 30.2672, -97.7431, "America/Chicago", "USD"),
        new("Sydney", "AU", -33.8688, 151.2093, "Australia/Sydney", "AUD"),
        new("Los Angeles", "US", 34.0522, -118.2437, "America/Los_Angeles", "USD"),
        new("Manchester", "GB", 53.4808, -2.2426, "Europe/London", "GBP"),
        new("Madrid", "ES", 40.4168, -3.7038, "Europe/Madrid", "EUR"),
        new("Amsterdam", "NL", 52.3676, 4.9041, "Europe/Amsterdam", "EUR"),
        new("Munich", "DE", 48.1351, 11.5820, "Europe/Berlin", "EUR"),
        new("Melbourne", "AU", -37.8136, 144.9631, "Australia/Melbourne", "AUD"),
        new("Dublin", "IE", 53.3498, -6.2603, "Europe/Dublin", "EUR"),
        new("Nashville", "US", 36.1627, -86.7816, "America/Chicago", "USD"),
        new("Seattle", "US", 47.6062, -122.3321, "America/Los_Angeles", "USD"),
        new("Barcelona", "ES", 41.3874, 2.1686, "Europe/Madrid", "EUR"),
        new("Vienna", "AT", 48.2082, 16.3738, "Europe/Vienna", "EUR"),
        new("Stockholm", "SE", 59.3293, 18.0686, "Europe/Stockholm", "SEK"),
    ];
}
