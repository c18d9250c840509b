using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.Venues;

/// <summary>A place where events happen, with the seat map its manager keeps.</summary>
public sealed class Venue
{
    private readonly List<Section> _sections = [];

    private Venue()
    {
    }

    public int Id { get; internal set; }

    public string Name { get; private set; } = "";

    public string Address { get; private set; } = "";

    public string City { get; private set; } = "";

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string Country { get; private set; } = "";

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    /// <summary>IANA time zone id, so start times can be shown in the venue's local time.</summary>
    public string TimeZone { get; private set; } = "";

    public int? ManagerId { get; private set; }

    public IReadOnlyList<Section> Sections => _sections;

    /// <summary>Derived from the seat map; needs the sections, rows and seats loaded.</summary>
    public int Capacity => CurrentSections.Sum(section => section.Capacity);

    /// <summary>The sections of the map new events get; retired ones stay for the events created on them.</summary>
    public IEnumerable<Section> CurrentSections => _sections.Where(section => section.RetiredAt is null);

    public static Venue Create(
        string name, string address, string city, string country, double latitude, double longitude, string timeZone, int? managerId = null)
    {
        var created = new Venue { ManagerId = managerId };
        created.Describe(name, address, city, country, latitude, longitude, timeZone);
        return created;
    }

    /// <summary>
    /// Changes where and what the venue is. Events keep their UTC times: a time zone change moves
    /// how local times are shown, never when a show starts.
    /// </summary>
    public void Describe(string name, string address, string city, string country, double latitude, double longitude, string timeZone)
    {
        if (country is not { Length: 2 } || !country.All(char.IsAsciiLetterUpper))
        {
            throw new InvalidFieldException(nameof(country), "must be an ISO 3166-1 alpha-2 code");
        }

        if (latitude is < -90 or > 90 || double.IsNaN(latitude))
        {
            throw new InvalidFieldException(nameof(latitude), "must be between -90 and 90");
        }

        if (longitude is < -180 or > 180 || double.IsNaN(longitude))
        {
            throw new InvalidFieldException(nameof(longitude), "must be between -180 and 180");
        }

        // IANA ids only: a Windows id ("W. Europe Standard Time") would also be found on some hosts.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) || !zone.HasIanaId)
        {
            throw new InvalidFieldException(nameof(timeZone), "is not a known IANA time zone, such as \"Europe/Berlin\"");
        }

        (Name, Address, City) = (Guard.NotBlank(name, nameof(name), 200), Guard.NotBlank(address, nameof(address), 300), Guard.NotBlank(city, nameof(city), 100));
        (Country, Latitude, Longitude, TimeZone) = (country, latitude, longitude, timeZone);
    }

    /// <summary>Hands the venue to another manager; the previous one loses it.</summary>
    public void AssignManager(Users.User manager)
    {
        if (!manager.IsIn(Users.Role.VenueManager))
        {
            throw new NotAVenueManagerException(manager.Id);
        }

        ManagerId = manager.Id;
    }

    public Section AddSection(string name, bool isStanding = false)
    {
        var trimmed = Guard.NotBlank(name, nameof(name), 100);
        if (CurrentSections.Any(section => string.Equals(section.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DuplicateSeatMapEntryException(trimmed, $"The seat map already has a section named '{trimmed}'.");
        }

        var added = new Section(this, trimmed, _sections.Count + 1, isStanding);
        _sections.Add(added);
        return added;
    }

    /// <summary>A UTC instant as this venue's clocks show it: the local time, without an offset.</summary>
    public DateTime WallClock(DateTime utc) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(Guard.Utc(utc, nameof(utc)), TimeZoneInfo.FindSystemTimeZoneById(TimeZone)), DateTimeKind.Unspecified);

    public IEnumerable<Seat> AllSeats() => CurrentSections.SelectMany(section => section.Rows).SelectMany(row => row.Seats);

    /// <summary>
    /// Gives the whole seat map explicit keys, for bulk loading without a round trip per row.
    /// Returns the next free key of each kind.
    /// </summary>
    internal (int NextSection, int NextRow, int NextSeat) AssignKeys(int venueId, int nextSection, int nextRow, int nextSeat)
    {
        Id = venueId;
        foreach (var section in _sections)
        {
            section.Id = nextSection++;
            section.VenueId = venueId;
            foreach (var row in section.Rows)
            {
                row.Id = nextRow++;
                row.SectionId = section.Id;
                foreach (var seat in row.Seats)
                {
                    seat.Id = nextSeat++;
                    seat.RowId = row.Id;
                    seat.SectionId = section.Id;
                }
            }
        }

        return (nextSection, nextRow, nextSeat);
    }
}

[Description("Two sections of the map share a name, two rows of a section a label, or two seats of a row a number; `entry` names the repeated one.")]
public sealed class DuplicateSeatMapEntryException(string entry, string message) : DomainException(message)
{
    [Description("The repeated entry: a section name, \"section / row\" or \"section / row / seat\".")]
    public string Entry { get; } = entry;
}
