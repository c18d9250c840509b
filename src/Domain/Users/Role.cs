namespace TicketMaster.Users;

/// <summary>What a user may do. A user can hold several roles at once.</summary>
[Flags]
public enum Role
{
    None = 0,
    Attendee = 1,
    Organizer = 2,
    VenueManager = 4,
    Admin = 8,
}
