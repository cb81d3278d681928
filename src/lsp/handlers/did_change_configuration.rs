//! `workspace/didChangeConfiguration`: new settings from the editor (under `csa`, or
//! at the top); every open document and the workspace are checked again with them.

use tower_lsp_server::ls_types::DidChangeConfigurationParams;

use crate::lsp::state::Shared;

pub fn did_change_configuration(shared: &Shared, params: DidChangeConfigurationParams) {
    let problems = {
        let mut state = shared.state();
        let settings = params
            .settings
            .get("csa")
            .cloned()
            .unwrap_or(params.settings);
        state.settings.update(Some(&settings))
    };
    shared.log_problems(problems);
    shared.recheck_all();
}
