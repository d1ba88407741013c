//! The configuration of every pallet of the runtime, one documented file per pallet.
//!
//! Each file holds the pallet's `Config` impl and the parameters only it uses; parameters shared
//! by several pallets (block weights, deposits) live here.

mod aura;
pub mod balances;
pub mod governance;
mod grandpa;
pub mod legacy_currency;
pub mod parameters;
mod preimage;
mod scheduler;
mod system;
mod timestamp;
mod transaction_payment;
pub mod upgrades;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};

use crate::{Balance, MILLI_MTC};

/// The deposit for storing `items` storage items of `bytes` bytes in total: the price of state
/// that an account makes the chain keep (preimages now; proposals later).
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	(items as Balance) * 20 * MILLI_MTC + (bytes as Balance) * 100 * crate::MICRO_MTC
}
