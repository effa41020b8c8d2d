fn main() {
    hoseline_console::mount();
}
