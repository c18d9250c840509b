namespace TicketMaster.Events;

/// <summary>
/// Draft → OnSale, or Draft → Announced → OnSale at <see cref="Event.OnSaleAt"/>; OnSale ⇄ SoldOut; OnSale or SoldOut ⇄ SalesPaused (resumed to OnSale); Draft, OnSale, SoldOut or
/// SalesPaused → Cancelled; OnSale, SoldOut or SalesPaused → Completed. Cancelled and Completed are final.
/// </summary>
public enum EventStatus
{
    Draft,
    OnSale,
    SoldOut,
    Cancelled,
    Completed,

    /// <summary>Published, but the organizer stopped sales for now (appended: statuses are stored as numbers).</summary>
    SalesPaused,

    /// <summary>Published and listed, but its sales open at <see cref="Event.OnSaleAt"/> (appended: statuses are stored as numbers).</summary>
    Announced,
}
