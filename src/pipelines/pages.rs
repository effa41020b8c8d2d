//! The cursor pager under a paged table of the pipelines page: Previous, the page number, and
//! Next while the loaded page says more follow (one place for both tables).

use leptos::prelude::*;

use super::fetch::Page;
use super::paging::Pager;
use crate::components::load::{Load, UseLoad};
use crate::components::table::Pagination;

#[component]
pub fn PageControls<T: Clone + Send + Sync + 'static>(
    load: UseLoad<Page<T>>,
    pager: RwSignal<Pager>,
    testid: &'static str,
) -> impl IntoView {
    let has_next =
        Signal::derive(move || matches!(load.get(), Load::Ready(page) if page.next.is_some()));
    let next = move |()| {
        if let Load::Ready(page) = load.get_untracked() {
            pager.update(|p| {
                p.loaded(page.next);
                p.forward();
            });
        }
    };
    view! {
        <Pagination
            page=Signal::derive(move || pager.with(Pager::page))
            has_previous=Signal::derive(move || pager.with(Pager::has_previous))
            has_next=has_next
            on_previous=move |()| pager.update(|p| { p.back(); })
            on_next=next
            testid=testid
        />
    }
}
