//! A TCP proxy the test controls, between netweave and Redis: it passes bytes, adds latency,
//! resets every open connection, or partitions (open connections cut, new ones closed at once).

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
    sync::watch,
};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Link {
    Up,
    /// Each chunk waits this long before it is passed on.
    Slow(Duration),
    /// Unreachable: open connections are cut, new ones closed at once.
    Down,
}

pub struct Proxy {
    pub port: u16,
    link: Arc<Mutex<Link>>,
    /// Bumped to cut every open connection.
    generation: watch::Sender<u64>,
}

impl Proxy {
    pub async fn start(target: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let link = Arc::new(Mutex::new(Link::Up));
        let (generation, _) = watch::channel(0u64);
        let proxy = Proxy {
            port,
            link: Arc::clone(&link),
            generation: generation.clone(),
        };
        tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    return;
                };
                let current = *link.lock().unwrap();
                if current == Link::Down {
                    super::receiver::reset(&client);
                    drop(client);
                    continue;
                }
                let (link, cut) = (Arc::clone(&link), generation.subscribe());
                tokio::spawn(async move {
                    if let Ok(server) = TcpStream::connect(("127.0.0.1", target)).await {
                        pipe(client, server, link, cut).await;
                    }
                });
            }
        });
        proxy
    }

    pub fn set(&self, link: Link) {
        *self.link.lock().unwrap() = link;
        if link == Link::Down {
            self.reset();
        }
    }

    /// Cuts every open connection (they see a reset); new ones pass.
    pub fn reset(&self) {
        self.generation.send_modify(|g| *g += 1);
    }
}

async fn pipe(
    client: TcpStream,
    server: TcpStream,
    link: Arc<Mutex<Link>>,
    mut cut: watch::Receiver<u64>,
) {
    super::receiver::reset(&client);
    super::receiver::reset(&server);
    let (cr, cw) = client.into_split();
    let (sr, sw) = server.into_split();
    let up = one_way(cr, sw, Arc::clone(&link));
    let down = one_way(sr, cw, link);
    // Dropping the halves with linger 0 resets both connections.
    tokio::select! {
        _ = async { tokio::join!(up, down) } => {}
        _ = cut.changed() => {}
    }
}

async fn one_way(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    link: Arc<Mutex<Link>>,
) {
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = match from.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        let current = *link.lock().unwrap();
        match current {
            Link::Down => return,
            Link::Slow(d) => tokio::time::sleep(d).await,
            Link::Up => {}
        }
        if to.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}
