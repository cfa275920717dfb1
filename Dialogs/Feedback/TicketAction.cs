namespace OrganBot.Dialogs.Feedback;

/// <summary>What an admin can do to an open ticket (受理 / 转办 / 回复 / 办结).</summary>
public enum TicketAction { Accept, Route, Reply, Resolve }
