package netweave

import "context"

// Page is one page of a list.
type Page[T any] struct {
	Items []T
	// NextPageToken is empty on the last page.
	NextPageToken string
	// TotalCount is the number of matches where the RPC reports it (resources), else -1.
	TotalCount int64
}

// Pager walks a list page by page (NextPage) or collects every item (All).
type Pager[T any] struct {
	fetch func(ctx context.Context, token string) (Page[T], error)
	token string
	done  bool
}

// Done says whether the last page has been read.
func (p *Pager[T]) Done() bool { return p.done }

// NextPage fetches the next page; call it while Done is false.
func (p *Pager[T]) NextPage(ctx context.Context) (Page[T], error) {
	page, err := p.fetch(ctx, p.token)
	if err != nil {
		return page, err
	}
	p.token = page.NextPageToken
	p.done = page.NextPageToken == ""
	return page, nil
}

// All collects every remaining item across pages.
func (p *Pager[T]) All(ctx context.Context) ([]T, error) {
	var items []T
	for !p.done {
		page, err := p.NextPage(ctx)
		if err != nil {
			return items, err
		}
		items = append(items, page.Items...)
	}
	return items, nil
}
