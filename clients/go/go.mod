// The Go SDK of the netweave O2-IMS gateway. Written by hand (it cannot be tidied offline);
// the floors are the Debian bookworm packages it is built and tested with. go.sum is not
// committed: a consumer's module proxy computes its own. With a current genproto,
// the annotations come from its split module google.golang.org/genproto/googleapis/api (not
// tried here: no Go module proxy is reachable from the machines that test this).
module github.com/netweave/netweave/clients/go

go 1.19

require (
	github.com/golang/protobuf v1.5.2
	google.golang.org/genproto v0.0.0-20200413115906-b5235f65be36
	google.golang.org/grpc v1.33.3
	google.golang.org/protobuf v1.28.1
)
