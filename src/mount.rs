//! Starting Tandem: the page's own (`index.html`, the root its address asks for) or an embed
//! in each `data-tandem` element of a host page (a Shadow DOM root with Tandem's stylesheets).
//! One place for both, generic over the entry ([`Roots`]): each binary calls it with its own
//! roots, so its wasm holds no other entry's screens.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser;
use crate::routes::{Entry, Route};
use crate::setup::{self, Setup};
use tandem_core::embed::Theme;

/// The stylesheets of `dist/`, in the order `index.html` links them. An embed links the same
/// files inside its Shadow DOM root; the end-to-end tests check the two lists agree.
const STYLESHEETS: [&str; 7] = [
    "theme.css",
    "base.css",
    "start.css",
    "assessment.css",
    "report.css",
    "workshop.css",
    "norms.css",
];

/// The elements of the page marked `data-tandem`.
fn embed_elements(document: &web_sys::Document) -> Vec<web_sys::Element> {
    document
        .query_selector_all("[data-tandem]")
        .ok()
        .map(|list| {
            (0..list.length())
                .filter_map(|index| list.item(index)?.dyn_into::<web_sys::Element>().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// What an entry shows: its [`Entry`], and the root for each route it holds. Each binary
/// names one, and only that one's screens are compiled into its wasm.
pub trait Roots: 'static {
    const ENTRY: Entry;
    /// Builds in what the entry's screens need before anything starts: the English words
    /// beyond `en.txt` (see `tandem_core::i18n`).
    fn prepare() {}
    /// The root for `route` (one that [`Entry::shows`]).
    fn root(route: &Route) -> Html;
}

/// Starts the page's own Tandem (`index.html`), unless this is a host page with embeds: it
/// renders the root the address asks for into the element with id `tandem`, with its settings
/// from the address's query (`?namespace=team-a&lang=de`). Called by each binary's `main`.
pub fn start_own_page<R: Roots>() {
    R::prepare();
    if let Some(document) = web_sys::window().and_then(|window| window.document())
        && embed_elements(&document).is_empty()
    {
        guard_unsaved();
        own_page::<R>(&document);
    }
}

/// While a change could not be saved it lives in this page only: leaving or reloading the page
/// (the page's own Tandem, or a host page with embeds) asks first.
fn guard_unsaved() {
    browser::confirm_leaving_when(|| !crate::storage::all_saved());
}

/// Starts an embed in each element of the page marked `data-tandem` that this entry starts (see
/// [`Entry::of_embed`]), and touches nothing else on the page. `boot.js` calls each binary's
/// `embed_all` with the address of `dist/` (ending in `/`), where the stylesheets and the page's
/// own Tandem are.
pub fn embed_all<R: Roots>(base: &str) {
    R::prepare();
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        let mine: Vec<_> = embed_elements(&document)
            .into_iter()
            .filter(|host| Entry::of_embed(host.get_attribute("data-mode").as_deref()) == R::ENTRY)
            .collect();
        if !mine.is_empty() {
            guard_unsaved();
        }
        for host in mine {
            embed::<R>(&document, host, base);
        }
    }
}

/// The page's own Tandem.
fn own_page<R: Roots>(document: &web_sys::Document) {
    let route = Route::of(&browser::hash());
    let Some(root) = document
        .get_element_by_id("tandem")
        .or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    let html = document.document_element();
    let shown = route.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded =
            setup::load(setup::query_setting, |_| browser::page_address(), "", false).await;
        if let (Ok((setup, theme)), Some(html)) = (&loaded, html) {
            // The page is Tandem's own, so its root element may carry the theme and language.
            html.set_attribute("lang", setup.words.0.tag()).ok();
            html.set_attribute("dir", setup.words.0.direction()).ok();
            if *theme != Theme::Auto {
                html.set_attribute("data-theme", theme.key()).ok();
            }
        }
        render::<R>(root, loaded.map(|(setup, _)| setup), shown);
    });
    // A route of another root, or of another entry, needs the page loaded again; boot.js then
    // starts the entry that shows it.
    let reload_on_new_route = browser::on_hash_change(move || {
        let next = Route::of(&browser::hash());
        if !next.same_root(&route) || !R::ENTRY.shows(&next) {
            browser::reload();
        }
    });
    // The listener lives as long as the page.
    if let Some(listener) = reload_on_new_route {
        listener.forget();
    }
}

/// An embed: a Shadow DOM root in `host` with Tandem's stylesheets, so the host's styles and
/// Tandem's never meet, and the app (always its main root; the other pages open as the page's
/// own Tandem) inside it.
fn embed<R: Roots>(document: &web_sys::Document, host: web_sys::Element, base: &str) {
    if host.shadow_root().is_some() {
        return; // Mounted already, or the host's own component.
    }
    let Ok(shadow) =
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
    else {
        return;
    };
    // Each stylesheet's load (or failure), so the widget first appears styled.
    let mut styled = Vec::new();
    for sheet in STYLESHEETS {
        let Ok(link) = document.create_element("link") else {
            continue;
        };
        link.set_attribute("rel", "stylesheet").ok();
        link.set_attribute("href", &format!("{base}{sheet}")).ok();
        if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
            styled.push(browser::loaded(&link));
            shadow.append_child(&link).ok();
        }
    }
    let Ok(root) = document.create_element("div") else {
        return;
    };
    root.set_class_name("tandem-root");
    if shadow.append_child(&root).is_err() {
        return;
    }
    let host_page = browser::page_address();
    let base = base.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = setup::load(
            |name| host.get_attribute(name),
            |settings| format!("{base}index.html{}", setup::query(settings, &host_page)),
            &base,
            true,
        )
        .await;
        if let Ok((setup, _)) = &loaded {
            root.set_attribute("lang", setup.words.0.tag()).ok();
            // The widget's direction is its language's, whatever the host page's is.
            root.set_attribute("dir", setup.words.0.direction()).ok();
        }
        let loaded = loaded.map(|(mut setup, theme)| {
            setup.root = Some(shadow.clone());
            (setup, theme)
        });
        for sheet in styled {
            // A stylesheet that failed leaves the widget plain but working.
            wasm_bindgen_futures::JsFuture::from(sheet).await.ok();
        }
        // The host's element carries the theme itself (`data-theme`), for the stylesheet.
        render::<R>(root, loaded.map(|(setup, _)| setup), Route::App);
    });
}

fn render<R: Roots>(root: web_sys::Element, loaded: Result<Setup, setup::Problem>, route: Route) {
    match loaded {
        Ok(setup) => {
            yew::Renderer::<Shell<R>>::with_root_and_props(root, ShellProps { setup, route })
                .render();
        }
        Err(problem) => {
            yew::Renderer::<CannotStart>::with_root_and_props(root, problem).render();
        }
    }
}

#[derive(Properties, PartialEq)]
struct ShellProps {
    setup: Setup,
    route: Route,
}

/// A mount's root: its setup as context around the root the route asks for.
#[component]
fn Shell<R: Roots>(props: &ShellProps) -> Html {
    html! {
        <ContextProvider<Setup> context={props.setup.clone()}>
            {R::root(&props.route)}
        </ContextProvider<Setup>>
    }
}

/// What the host page's author sees instead of Tandem when the element asks for something that
/// cannot work: every problem, each where it is.
#[component]
fn CannotStart(problem: &setup::Problem) -> Html {
    let words = problem.words;
    let message = html! {
        <div class="cannot-start" role="alert">
            {words.heading(1, words.t("embed.cannot-start"))}
            <ul class="problems">
                {for problem.lines.iter().map(|line| html! { <li><code>{line}</code></li> })}
            </ul>
            <p>{words.t("embed.cannot-start-help")}</p>
        </div>
    };
    html! {
        <div class="tandem">
            {part(problem.embedded, "main", "tandem-main", message)}
        </div>
    }
}

/// `children` in a `tag` element (`header`, `main`, `footer`) with `class`; in an embed, in a
/// plain `div` instead, since the host page owns its landmarks (see `Setup::embedded`).
pub fn part(embedded: bool, tag: &'static str, class: &'static str, children: Html) -> Html {
    let mut element = yew::virtual_dom::VTag::new(if embedded { "div" } else { tag });
    element.add_attribute("class", class);
    element.add_child(children);
    element.into()
}
