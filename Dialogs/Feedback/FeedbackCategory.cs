namespace OrganBot.Dialogs.Feedback;

/// <summary>The six kinds of need of the 暖心工程.</summary>
public enum FeedbackCategory { Political, Work, Psychological, Life, Suggestion, Other }
