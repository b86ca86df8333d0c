//! Where the explanation goes: next to its highlight, never over it. On a wide screen the
//! popover sits below the highlight, or above it when there is no room below, with its height
//! capped to the room on that side; on a phone it is a sheet along the bottom of the screen
//! (along the top when the highlight cannot be scrolled above it). When it fits on neither side,
//! the page is scrolled first, just enough for it to fit below the highlight (which stays on
//! the screen). Pure geometry in viewport pixels, tested natively; `crate::app::popover` measures and
//! applies it.

/// A rectangle in viewport coordinates (CSS pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
    /// Do the two rectangles share any area?
    pub fn intersects(&self, o: &Rect) -> bool {
        self.left < o.right && o.left < self.right && self.top < o.bottom && o.top < self.bottom
    }
    /// The rectangle moved down by `dy`.
    pub fn shifted(&self, dy: f64) -> Rect {
        Rect {
            top: self.top + dy,
            bottom: self.bottom + dy,
            ..*self
        }
    }
}

/// Where the popover is put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Under the highlight.
    Below,
    /// Over the highlight (above it on the screen).
    Above,
    /// A sheet along the bottom of the screen (phones).
    Sheet,
    /// A sheet along the top of the screen (phones, highlight low on a page that cannot scroll).
    SheetTop,
}

impl Mode {
    /// The value of the popover's `data-placed` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Below => "below",
            Mode::Above => "above",
            Mode::Sheet => "sheet",
            Mode::SheetTop => "sheet-top",
        }
    }
}

/// The placement: mode, position and size in viewport pixels (`max_height` is the height the
/// position was computed for: the popover must not grow past it), and how far to scroll the
/// page first (then measure again and call [`place`] with `may_scroll = false`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub mode: Mode,
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub max_height: f64,
    /// Scroll the page down by this many pixels before placing (0: no scroll).
    pub scroll_by: f64,
}

impl Placed {
    /// The popover's rectangle for a content of natural height `height`.
    pub fn rect(&self, height: f64) -> Rect {
        let h = height.min(self.max_height);
        Rect {
            left: self.left,
            top: self.top,
            right: self.left + self.width,
            bottom: self.top + h,
        }
    }
}

/// Below this width the popover is a sheet (as `www/style.css` says).
pub const SHEET_BELOW: f64 = 600.0;
/// Space between the highlight and the popover.
pub const GAP: f64 = 8.0;
/// Space kept between the popover and the edges of the screen.
pub const MARGIN: f64 = 8.0;
/// Widest popover.
pub const MAX_WIDTH: f64 = 440.0;

/// Places a popover whose content is `height` pixels high (its natural height, already capped
/// by the style's maximum) next to the highlight `mark`, in a `vw` × `vh` viewport.
pub fn place(mark: Rect, height: f64, vw: f64, vh: f64, may_scroll: bool) -> Placed {
    if vw < SHEET_BELOW {
        return place_sheet(mark, height, vw, vh, may_scroll);
    }
    let width = MAX_WIDTH.min(vw - 2.0 * MARGIN);
    let left = mark.left.min(vw - width - MARGIN).max(MARGIN);
    let below = vh - mark.bottom - GAP - MARGIN;
    let above = mark.top - GAP - MARGIN;
    let at = |mode, room: f64| {
        let h = height.min(room).max(0.0);
        let top = match mode {
            Mode::Above => mark.top - GAP - h,
            _ => mark.bottom + GAP,
        };
        Placed {
            mode,
            left,
            top,
            width,
            max_height: h,
            scroll_by: 0.0,
        }
    };
    // A highlight partly off the screen is brought into its upper part first.
    if may_scroll && (mark.top < MARGIN || mark.bottom > vh - MARGIN) {
        let target = (vh * 0.25).max(MARGIN + GAP);
        return Placed {
            scroll_by: mark.top - target,
            ..at(Mode::Below, vh - (target + mark.height()) - GAP - MARGIN)
        };
    }
    if height <= below {
        return at(Mode::Below, below);
    }
    if height <= above {
        return at(Mode::Above, above);
    }
    // It fits on neither side: scroll the page just enough for it to fit below, the highlight
    // staying on the screen (as high as its top margin at most).
    let can = mark.top - (MARGIN + GAP);
    if may_scroll && can > 0.0 && below + can > below.max(above) {
        let by = (height - below).min(can);
        return Placed {
            scroll_by: by,
            ..at(Mode::Below, below + by)
        };
    }
    // The page cannot scroll (or need not): the roomier side, the height capped to it.
    if below >= above {
        at(Mode::Below, below)
    } else {
        at(Mode::Above, above)
    }
}

/// A sheet along the bottom of the screen, the highlight kept above it.
fn place_sheet(mark: Rect, height: f64, vw: f64, vh: f64, may_scroll: bool) -> Placed {
    let width = vw - 2.0 * MARGIN;
    let sheet_top = vh - MARGIN - height;
    let sheet = Placed {
        mode: Mode::Sheet,
        left: MARGIN,
        top: sheet_top,
        width,
        max_height: height,
        scroll_by: 0.0,
    };
    if mark.top >= MARGIN && mark.bottom + GAP <= sheet_top {
        return sheet;
    }
    if may_scroll {
        // The highlight in the upper part of the screen: a fifth of the way down, or as low as
        // fits above the sheet.
        let target = (vh * 0.2)
            .min(sheet_top - GAP - mark.height())
            .max(MARGIN + GAP);
        return Placed {
            scroll_by: mark.top - target,
            ..sheet
        };
    }
    // The page could not scroll far enough: the sheet goes where there is more room, capped so
    // that it stays clear of the highlight.
    let below = vh - MARGIN - (mark.bottom + GAP);
    let above = mark.top - GAP - MARGIN;
    if below >= above {
        let h = height.min(below).max(0.0);
        Placed {
            top: vh - MARGIN - h,
            max_height: h,
            ..sheet
        }
    } else {
        Placed {
            mode: Mode::SheetTop,
            top: MARGIN,
            max_height: height.min(above).max(0.0),
            ..sheet
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(top: f64, h: f64) -> Rect {
        Rect {
            left: 300.0,
            top,
            right: 420.0,
            bottom: top + h,
        }
    }

    /// The placement after the page scrolled as asked (the highlight moves up by `scroll_by`).
    fn settle(m: Rect, h: f64, vw: f64, vh: f64) -> (Placed, Rect) {
        let p = place(m, h, vw, vh, true);
        if p.scroll_by == 0.0 {
            return (p, m);
        }
        let m = m.shifted(-p.scroll_by);
        let p2 = place(m, h, vw, vh, false);
        assert_eq!(p2.scroll_by, 0.0);
        (p2, m)
    }

    #[test]
    fn below_when_there_is_room_above_otherwise() {
        let p = place(mark(100.0, 24.0), 300.0, 1366.0, 768.0, true);
        assert_eq!(p.mode, Mode::Below);
        assert_eq!(p.top, 132.0);
        assert_eq!(p.width, MAX_WIDTH);
        assert_eq!(p.left, 300.0);
        let p = place(mark(600.0, 24.0), 300.0, 1366.0, 768.0, true);
        assert_eq!(p.mode, Mode::Above);
        assert_eq!(p.top, 600.0 - 8.0 - 300.0);
        assert!(!p.rect(300.0).intersects(&mark(600.0, 24.0)));
    }

    #[test]
    fn never_over_the_highlight_wherever_it_is() {
        for (vw, vh) in [
            (1366.0, 768.0),
            (1280.0, 900.0),
            (360.0, 740.0),
            (800.0, 400.0),
        ] {
            for h in [120.0, 300.0, 512.0, 0.42 * vh] {
                let mut top = -40.0;
                while top < vh + 40.0 {
                    for mh in [20.0, 48.0] {
                        let (p, m) = settle(mark(top, mh), h, vw, vh);
                        let r = p.rect(h);
                        assert!(
                            !r.intersects(&m),
                            "{vw}×{vh}, height {h}, mark at {top}: {p:?} over {m:?}"
                        );
                        assert!(r.left >= 0.0 && r.right <= vw, "{p:?}");
                        assert!(r.top >= 0.0 && r.bottom <= vh, "{p:?} ({vw}×{vh})");
                    }
                    top += 7.0;
                }
            }
        }
    }

    #[test]
    fn a_popover_that_fits_nowhere_scrolls_the_page_just_enough() {
        // 360 px below, 340 above, 500 needed: scroll by 140, then it fits below.
        let m = mark(356.0, 24.0);
        let p = place(m, 500.0, 1366.0, 756.0, true);
        assert_eq!(p.scroll_by, 500.0 - (756.0 - 380.0 - 16.0));
        let (p, m2) = settle(m, 500.0, 1366.0, 756.0);
        assert_eq!(p.mode, Mode::Below);
        assert_eq!(p.max_height, 500.0);
        assert_eq!(m2.top, 356.0 - 140.0);
        // A short window: the highlight goes up to the top margin, the rest is capped.
        let m = mark(190.0, 24.0);
        let p = place(m, 400.0, 1024.0, 400.0, true);
        assert_eq!(m.top - p.scroll_by, 16.0);
        assert_eq!(p.mode, Mode::Below);
        // Without scrolling, the roomier side, capped.
        let p = place(m, 400.0, 1024.0, 400.0, false);
        assert_eq!(p.scroll_by, 0.0);
        assert_eq!(p.mode, Mode::Above);
        assert_eq!(p.max_height, 190.0 - 16.0);
        assert_eq!(p.top, 8.0);
    }

    #[test]
    fn phones_get_a_sheet_with_the_highlight_above_it() {
        // A highlight high on the screen: the sheet, no scroll.
        let p = place(mark(100.0, 22.0), 300.0, 360.0, 740.0, true);
        assert_eq!(p.mode, Mode::Sheet);
        assert_eq!(p.scroll_by, 0.0);
        assert_eq!((p.left, p.width), (8.0, 344.0));
        assert_eq!(p.top, 740.0 - 8.0 - 300.0);
        // Low on the screen: scrolled to the upper part (a fifth of the way down).
        let p = place(mark(600.0, 22.0), 300.0, 360.0, 740.0, true);
        assert_eq!(p.mode, Mode::Sheet);
        assert_eq!(600.0 - p.scroll_by, 148.0);
        // At the end of a page that cannot scroll: the sheet goes on top.
        let p = place(mark(600.0, 22.0), 300.0, 360.0, 740.0, false);
        assert_eq!(p.mode, Mode::SheetTop);
        assert_eq!(p.top, 8.0);
        assert!(!p.rect(300.0).intersects(&mark(600.0, 22.0)));
        assert_eq!(Mode::SheetTop.as_str(), "sheet-top");
    }
}
