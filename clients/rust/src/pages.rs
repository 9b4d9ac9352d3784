//! List calls: every item across pages, or page by page.

use std::{future::Future, pin::Pin};

use futures::{stream, Stream, TryStreamExt};
use tonic::Status;

use crate::proto::o2ims::v1::ListOptions;

/// One page of a list.
#[derive(Clone, Debug)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Empty on the last page.
    pub next_page_token: String,
    /// Matches over all pages, where the RPC reports it (resources).
    pub total_count: Option<i64>,
}

type Fetch<T> = Box<
    dyn FnMut(ListOptions) -> Pin<Box<dyn Future<Output = Result<Page<T>, Status>> + Send>> + Send,
>;

/// A list walked lazily: [`Pages::items`] or [`Pages::pages`].
pub struct Pages<T> {
    options: ListOptions,
    fetch: Fetch<T>,
}

impl<T: Send + 'static> Pages<T> {
    pub(crate) fn new<F, Fut>(options: ListOptions, mut fetch: F) -> Pages<T>
    where
        F: FnMut(ListOptions) -> Fut + Send + 'static,
        Fut: Future<Output = Result<Page<T>, Status>> + Send + 'static,
    {
        Pages {
            options,
            fetch: Box::new(move |o| Box::pin(fetch(o))),
        }
    }

    /// Each page in turn, following `next_page_token` to the end.
    pub fn pages(self) -> impl Stream<Item = Result<Page<T>, Status>> + Send {
        let Pages { options, fetch } = self;
        stream::try_unfold((Some(options), fetch), |(options, mut fetch)| async move {
            let Some(options) = options else {
                return Ok(None);
            };
            let page = fetch(options.clone()).await?;
            let next = (!page.next_page_token.is_empty()).then(|| ListOptions {
                page_token: page.next_page_token.clone(),
                ..options
            });
            Ok(Some((page, (next, fetch))))
        })
    }

    /// Every item of every page.
    pub fn items(self) -> impl Stream<Item = Result<T, Status>> + Send {
        self.pages()
            .map_ok(|p| stream::iter(p.items.into_iter().map(Ok)))
            .try_flatten()
    }

    /// Every item, collected.
    pub async fn all(self) -> Result<Vec<T>, Status> {
        self.items().try_collect().await
    }
}
