import LeadsAPI
import LeadsStore
import TerminalUI

/// Where everything goes on a screen of a given size. The screen draws by
/// it, and the store is told the sizes it needs (`viewport`): the store
/// never lays anything out itself.
///
///     ┌ title bar ─────────────────────────────────────────────┐  row 0
///     ┌ Leads ─────────────── N of M ┐┌ Lead name ─────────────┐
///     │ NAME    STATUS …             ││ fields                 │
///     │ rows                         ││ ┌ Notes ─────────────┐ │
///     │                              ││ └────────────────────┘ │
///     │                              ││ ┌ Activities ────────┐ │
///     └ / filter bar (when open) ────┘└────────────────────────┘
///      status bar                                                  last row
///
/// Narrow terminals (< 120 columns) show the list or the detail, full width.
public struct ScreenLayout: Equatable, Sendable {
    public var title: Rect
    public var main: Rect
    public var status: Rect
    public var list: Rect?
    public var detail: Rect?

    /// The sizes the store needs for a terminal of `width` x `height`.
    public static func viewport(width: Int, height: Int) -> Viewport {
        let layout = ScreenLayout(width: width, height: height, isShowingDetail: false)
        return Viewport(width: width, height: height, listRows: layout.listRows?.height ?? 1,
                        helpRows: max(1, layout.main.height - 2), isWide: Self.isWide(width: width))
    }

    /// 120 columns and more: the list and the detail side by side.
    public static func isWide(width: Int) -> Bool { width >= 120 }

    public init(width: Int, height: Int, isShowingDetail: Bool) {
        let area = Rect(x: 0, y: 0, width: width, height: height)
        let (top, rest) = area.splitTop(1)
        let (main, bottom) = rest.splitBottom(1)
        title = top
        status = bottom
        self.main = main
        if Self.isWide(width: width) {
            let parts = Layout(.horizontal, [.percent(60), .fill()]).split(main)
            list = parts[0]
            detail = parts[1]
        } else if isShowingDetail {
            detail = main
        } else {
            list = main
        }
    }

    /// The inside of the list frame below the header: the data rows.
    public var listRows: Rect? {
        guard let list else { return nil }
        let inside = list.inset(by: 1)
        return Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: max(0, inside.height - 1))
    }
}

/// The detail pane's parts: fields on top, then the notes and activities boxes.
public struct DetailLayout: Equatable, Sendable {
    public var fields: Rect
    public var notes: Rect
    public var activities: Rect

    /// Rows of fields: names, status/source, email/phone, added/slug, message,
    /// conversion, and location/assignee/owner when the service sends any.
    public static func fieldRows(for lead: LeadDetail?) -> Int {
        guard let lead else { return 6 }
        return [lead.location, lead.assignee, lead.owner].contains { $0 != nil } ? 7 : 6
    }

    public init(frame: Rect, lead: LeadDetail?) {
        let inside = frame.inset(by: 1)
        let (fields, rest) = inside.splitTop(min(Self.fieldRows(for: lead), inside.height))
        self.fields = fields
        let boxes = Layout(.vertical, [.percent(55), .fill()]).split(rest)
        notes = boxes[0]
        activities = boxes.count > 1 ? boxes[1] : Rect(x: rest.x, y: rest.maxY, width: rest.width, height: 0)
    }

    /// Rows of a box's list (inside its frame).
    public static func rows(of box: Rect) -> Rect { box.inset(by: 1) }
}
