using System.ComponentModel;
using TicketMaster.Common;

namespace TicketMaster.Venues;

[Description("There is no venue with this id.")]
public sealed class VenueNotFoundException(int venueId)
    : DomainException("There is no such venue.")
{
    [Description("The venue id that was asked for.")]
    public int VenueId { get; } = venueId;
}

[Description("The user does not exist or does not hold the venue-manager role, so they cannot manage a venue; an admin grants the role first.")]
public sealed class NotAVenueManagerException(int userId)
    : DomainException("This user is not a venue manager.")
{
    [Description("The user who was to manage the venue.")]
    public int UserId { get; } = userId;
}

[Description("The venue has no seat map yet, so an event there would have nothing to sell; its manager lays one out first (`layOutSeatMap`).")]
public sealed class VenueWithoutSeatMapException(int venueId)
    : DomainException("The venue has no seat map yet.")
{
    [Description("The venue.")]
    public int VenueId { get; } = venueId;
}
