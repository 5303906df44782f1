//! Hooks shared by the screens.

use yew::prelude::*;

use crate::browser;

/// A node that receives keyboard focus when the component appears, so a screen reader announces
/// the new screen and Tab continues from its top. Put it on the screen's heading (with
/// `tabindex="-1"`).
#[hook]
pub fn use_focus_on_mount() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |()| browser::focus_node(&node));
    }
    node
}
