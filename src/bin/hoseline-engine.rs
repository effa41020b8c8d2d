//! The engine worker's entry point (Trunk builds it as `data-type="worker"`, see index.html).

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    hoseline_console::engine::worker::start();
}
