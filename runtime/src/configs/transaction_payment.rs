//! `pallet_transaction_payment`: fees in MTC for every signed transaction.

use frame_support::{
	parameter_types,
	traits::ConstU8,
	weights::{ConstantMultiplier, IdentityFee},
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

use crate::{Balance, Balances, Runtime, RuntimeEvent};

parameter_types! {
	/// Fees do not float with congestion (a fixed multiplier of 1).
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	/// The overarching event type.
	type RuntimeEvent = RuntimeEvent;
	/// Fees are withdrawn from `Balances` and burnt (no treasury, no author reward).
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	/// Operational transactions pay 5x for priority.
	type OperationalFeeMultiplier = ConstU8<5>;
	/// One planck per unit of ref-time weight.
	type WeightToFee = IdentityFee<Balance>;
	/// The byte fee per byte of the encoded transaction: a parameter (1 micro-MTC at genesis) that
	/// a parameter-change proposal may set within a safe range.
	type LengthToFee = ConstantMultiplier<Balance, super::parameters::ByteFee>;
	/// Fixed fee multiplier.
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	/// Weights measured on this runtime by `scripts/weights.sh`.
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}
