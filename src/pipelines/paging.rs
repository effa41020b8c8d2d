//! Cursor paging for AWS list calls, which page forward only (`ExclusiveStartTableName`,
//! `ExclusiveStartDeliveryStreamName`): the pager remembers where each page it has shown
//! started, so Previous goes back. Pure.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pager {
    /// `starts[i]`: the cursor page `i` is read from (`None` for the first page).
    starts: Vec<Option<String>>,
    index: usize,
    /// Where the page after the shown one starts, once the shown one is read; `None` at the end.
    next: Option<String>,
}

impl Default for Pager {
    fn default() -> Self {
        Self {
            starts: vec![None],
            index: 0,
            next: None,
        }
    }
}

impl Pager {
    /// The cursor to read the shown page from.
    pub fn start(&self) -> Option<String> {
        self.starts.get(self.index).cloned().flatten()
    }

    /// 1 for the first page.
    pub fn page(&self) -> usize {
        self.index + 1
    }

    /// The shown page was read; `next` is where the one after it starts.
    pub fn loaded(&mut self, next: Option<String>) {
        self.next = next;
    }

    pub fn has_next(&self) -> bool {
        self.next.is_some()
    }

    pub fn has_previous(&self) -> bool {
        self.index > 0
    }

    /// Moves to the next page; `false` when there is none.
    pub fn forward(&mut self) -> bool {
        let Some(cursor) = self.next.take() else {
            return false;
        };
        self.starts.truncate(self.index + 1);
        self.starts.push(Some(cursor));
        self.index += 1;
        true
    }

    /// Moves to the previous page; `false` on the first.
    pub fn back(&mut self) -> bool {
        if self.index == 0 {
            return false;
        }
        self.index -= 1;
        // Known already, and read again with the page.
        self.next = self.starts.get(self.index + 1).cloned().flatten();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_forward_by_cursor_and_back_by_memory() {
        let mut pager = Pager::default();
        assert_eq!((pager.start(), pager.page()), (None, 1));
        assert!(!pager.has_next() && !pager.has_previous());
        assert!(!pager.forward(), "nothing read yet");

        pager.loaded(Some("b".into()));
        assert!(pager.has_next());
        assert!(pager.forward());
        assert_eq!((pager.start().as_deref(), pager.page()), (Some("b"), 2));
        assert!(!pager.has_next(), "page 2 not read yet");
        pager.loaded(Some("d".into()));
        assert!(pager.forward());
        pager.loaded(None);
        assert_eq!((pager.start().as_deref(), pager.page()), (Some("d"), 3));
        assert!(!pager.has_next() && pager.has_previous());

        assert!(pager.back());
        assert_eq!((pager.start().as_deref(), pager.page()), (Some("b"), 2));
        assert!(pager.has_next());
        assert!(pager.back());
        assert_eq!(pager.start(), None);
        assert!(!pager.back());
    }

    #[test]
    fn going_forward_again_after_a_change_follows_the_new_answer() {
        let mut pager = Pager::default();
        pager.loaded(Some("b".into()));
        pager.forward();
        pager.loaded(Some("d".into()));
        pager.back();
        // The first page now ends elsewhere (a stream was deleted meanwhile).
        pager.loaded(Some("c".into()));
        pager.forward();
        assert_eq!(pager.start().as_deref(), Some("c"));
        assert_eq!(pager.page(), 2);
    }
}
