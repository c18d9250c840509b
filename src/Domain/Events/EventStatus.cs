namespace TicketMaster.Events;

/// <summary>
/// Draft → OnSale ⇄ SoldOut; Draft, OnSale or SoldOut → Cancelled; OnSale or SoldOut → Completed.
/// Cancelled and Completed are final.
/// </summary>
public enum EventStatus
{
    Draft,
    OnSale,
    SoldOut,
    Cancelled,
    Completed,
}
